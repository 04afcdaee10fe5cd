import { describe, expect, it } from 'vitest';
import { decayAt, decayMarkdown } from '../../../compiler/language-service/decay.js';

describe('decayAt (hover on `decay R% every D`)', () => {
  const text = 'group 行動 {\n  on page_view where url contains "/pricing" +30 decay 50% every 30d "料金ページ閲覧"\n}';

  it('gives the worth of each age band, in integer steps down to 0', () => {
    const info = decayAt(text, text.indexOf('every') + 1)!;
    expect(info).toMatchObject({ points: 30, percent: 50, every: '30d', steps: [30, 15, 7, 3, 1, 0] });
    expect(text.slice(info.start, info.end)).toBe('decay 50% every 30d');
    expect(decayMarkdown(info)).toContain('| 120d – 150d | +1 |');
    expect(decayMarkdown(info)).toContain('| 150d – | 0 |');
  });

  it('truncates toward zero for deductions and finds nothing outside the construct', () => {
    const negative = 'on x -10 decay 50% every 7d';
    expect(decayAt(negative, negative.indexOf('decay'))!.steps).toEqual([-10, -5, -2, -1, 0]);
    expect(decayAt(text, text.indexOf('料金'))).toBeUndefined();
    expect(decayAt('when decay = 1 +5', 6)).toBeUndefined();
  });
});
