import { describe, expect, it } from 'vitest';
import { decayAt, decayMarkdown } from '../../../compiler/language-service/decay.js';
import { hoverAt, hoverMarkdown } from '../../../compiler/language-service/hover.js';
import { parse } from '../../../grammar/parse.js';

describe('decayAt (hover on `decay R% every D`)', () => {
  const text = 'group 行動 {\n  on page_view where url contains "/pricing" +30 decay 50% every 30d "料金ページ閲覧"\n}';
  const file = parse(text).file;

  it('gives the worth of each age band, in integer steps down to 0', () => {
    const info = decayAt(file, text.indexOf('every') + 1)!;
    expect(info).toMatchObject({
      points: 30,
      percent: 50,
      every: { amount: 30, unit: 'd' },
      steps: [30, 15, 7, 3, 1, 0],
    });
    expect(text.slice(info.range.start.offset, info.range.end.offset)).toBe('decay 50% every 30d');
    expect(decayMarkdown(info)).toContain('| 120d – 150d | +1 |');
    expect(decayMarkdown(info)).toContain('| 150d – | 0 |');
    expect(decayMarkdown(info)).toContain('30 → 15 → 7 → 3 → 1 → 0, every 30 days');
    expect(decayMarkdown(info, 'ja')).toContain('30 → 15 → 7 → 3 → 1 → 0（30日ごと）');
  });

  it('truncates toward zero for deductions and finds nothing outside the construct', () => {
    const negative = 'on x -10 decay 50% every 7d';
    expect(decayAt(parse(negative).file, negative.indexOf('decay'))!.steps).toEqual([-10, -5, -2, -1, 0]);
    expect(decayAt(file, text.indexOf('料金'))).toBeUndefined();
    const field = 'when decay = 1 +5';
    expect(decayAt(parse(field).file, 6)).toBeUndefined();
  });

  it('shows a long table by its first rows, an ellipsis and the final 0', () => {
    const long = 'on x +1000 decay 10% every 1w';
    const info = decayAt(parse(long).file, long.indexOf('1w'))!;
    expect(info.steps.length).toBeGreaterThan(12);
    const table = decayMarkdown(info)
      .split('\n')
      .filter((line) => line.startsWith('| '));
    expect(table).toHaveLength(2 + 12);
    expect(table[table.length - 2]).toBe('| … | … |');
    expect(table[table.length - 1]).toBe(`| ${(info.steps.length - 1) * 1}w – | 0 |`);
  });

  it('hovers `every 30d` of a rule written over several lines, with the modifier as the range', () => {
    const multi =
      'group 行動 {\n  on page_view\n    where url contains "/pricing"\n    +30\n    decay 50%\n    every 30d\n    "料金ページ閲覧"\n}';
    const parsed = parse(multi);
    expect(parsed.diagnostics).toEqual([]);
    const info = hoverAt({ file: parsed.file }, multi.indexOf('30d') + 1)!;
    expect(multi.slice(info.range.start.offset, info.range.end.offset)).toBe('decay 50%\n    every 30d');
    expect(info.rule?.kind).toBe('on');
    const [paragraph] = hoverMarkdown(info);
    expect(paragraph).toContain('**decay 50% every 30d** (+30)');
    expect(paragraph).toContain('| 30d – 60d | +15 |');
  });
});
