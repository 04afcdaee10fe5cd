import { describe, expect, it } from 'vitest';
import { paintFor } from '../../cli/rule-tests/colours.js';

describe('paintFor', () => {
  it('colours only a terminal, and never with NO_COLOR set', () => {
    expect(paintFor({ isTTY: true }, {}).red('failed')).toBe('\x1b[31mfailed\x1b[39m');
    expect(paintFor({ isTTY: false }, {}).red('failed')).toBe('failed');
    expect(paintFor({}, {}).green('ok')).toBe('ok');
    expect(paintFor({ isTTY: true }, { NO_COLOR: '1' }).bold('x')).toBe('x');
  });
});
