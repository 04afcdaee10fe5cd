/**
 * ANSI colours for human output: only when the stream is a terminal and
 * NO_COLOR is not set (https://no-color.org), so logs and pipes stay plain.
 */
export interface Paint {
  red(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const plain = (text: string): string => text;
const PLAIN: Paint = { red: plain, green: plain, bold: plain, dim: plain };

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    `\x1b[${open}m${text}\x1b[${close}m`;
const ANSI: Paint = { red: wrap(31, 39), green: wrap(32, 39), bold: wrap(1, 22), dim: wrap(2, 22) };

export function paintFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Paint {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  return stream.isTTY === true && !noColor ? ANSI : PLAIN;
}
