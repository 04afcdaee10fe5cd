/**
 * The text encoding of a data file (`--encoding utf-8|shift_jis|auto`).
 * Japanese Excel saves CSV as Shift_JIS (Windows code page 932), so `auto`
 * (the default) reads a file as UTF-8 when it is valid UTF-8 (or nearly:
 * more valid characters than broken ones), and as Shift_JIS when it is not
 * but its bytes are clean CP932 — decided at the first chunk that is not
 * plain ASCII. Node's TextDecoder('shift_jis') is
 * CP932 (with full ICU, as Node ships).
 *
 * The readers see UTF-8 bytes either way. Bytes that are no character in the
 * file's encoding become U+FFFD and `state.replaced` is set: the readers then
 * reject every record holding U+FFFD, so garbled text is never scored.
 * Valid UTF-8 passes through untouched, checked at native speed.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { Transform, type Readable } from 'node:stream';

export type Encoding = 'utf-8' | 'shift_jis' | 'auto';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'shift_jis', 'auto'];

export interface DecodeState {
  /** The encoding asked for (--encoding). */
  readonly requested: Encoding;
  /** The encoding read: `auto` until the first chunk that is not ASCII. */
  encoding: Encoding;
  /** Some bytes were no character: records holding U+FFFD are garbled. */
  replaced: boolean;
}

/** The reason for a record that holds bytes that are no character. */
export function garbledReason(state: DecodeState): string {
  const read = state.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8';
  const what =
    state.requested === 'auto' ? `neither UTF-8 nor Shift_JIS (the file was read as ${read})` : `not valid ${read}`;
  return `the text is ${what}: save the file as UTF-8 (UTF-8 で保存してください)${state.requested === 'auto' ? '' : ', or give the right --encoding'}`;
}

/**
 * The reason for a garbled record: the bytes that were no character cannot
 * be written to --rejects (a JSON Lines file is UTF-8), so the reason says
 * plainly that its `data` shows them as U+FFFD, not as they were.
 */
export function garbledRecordReason(state: DecodeState): string {
  return `${garbledReason(state)} (data shows each byte that is no character as U+FFFD "�", not the original bytes)`;
}

/** Only garbled files pay for the search: U+FFFD is looked for once a replacement happened. */
export function isGarbled(state: DecodeState, text: string): boolean {
  return state.replaced && text.indexOf('\uFFFD') !== -1;
}

/** UTF-8 bytes of `source`, read in `encoding`; `state` tells what was found. */
export function decodeToUtf8(source: Readable, encoding: Encoding): { stream: Readable; state: DecodeState } {
  const state: DecodeState = { requested: encoding, encoding, replaced: false };
  let carry: Buffer | undefined;
  let sjis: TextDecoder | undefined;
  let utf8: TextDecoder | undefined;
  const fromShiftJis = (bytes: Buffer, end: boolean): Buffer => {
    sjis ??= new TextDecoder('shift_jis');
    const text = sjis.decode(bytes, { stream: !end });
    if (text.includes('\uFFFD')) state.replaced = true;
    return Buffer.from(text, 'utf8');
  };
  const transform = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (state.encoding === 'shift_jis') return done(null, fromShiftJis(bytes, false));
      if (carry !== undefined) {
        bytes = Buffer.concat([carry, bytes]);
        carry = undefined;
      }
      // A character cut by the chunk's end waits for the next chunk.
      const cut = completeLength(bytes);
      if (cut < bytes.length) carry = bytes.subarray(cut);
      const whole = bytes.subarray(0, cut);
      if (state.encoding === 'auto' && isAscii(whole)) return done(null, whole);
      if (isUtf8(whole)) {
        if (state.encoding === 'auto') state.encoding = 'utf-8';
        return done(null, whole);
      }
      if (state.encoding === 'auto') {
        const all = carry === undefined ? whole : bytes;
        carry = undefined;
        if (!mostlyUtf8(all) && isCleanShiftJis(all)) {
          state.encoding = 'shift_jis';
          return done(null, fromShiftJis(all, false));
        }
        state.encoding = 'utf-8';
        return done(null, replaceInvalidUtf8(all, (utf8 ??= new TextDecoder('utf-8')), state));
      }
      done(null, replaceInvalidUtf8(whole, (utf8 ??= new TextDecoder('utf-8')), state));
    },
    flush(done) {
      if (state.encoding === 'shift_jis') return done(null, fromShiftJis(Buffer.alloc(0), true));
      if (carry === undefined || carry.length === 0) return done();
      // The input ended inside a character.
      done(null, replaceInvalidUtf8(carry, (utf8 ??= new TextDecoder('utf-8')), state));
    },
  });
  source.on('error', (e) => transform.destroy(e));
  return { stream: source.pipe(transform), state };
}

/** Decodes a whole file's bytes (the .json reader holds the file anyway). */
export function decodeWhole(bytes: Buffer, encoding: Encoding): { text: string; state: DecodeState } {
  const state: DecodeState = { requested: encoding, encoding, replaced: false };
  if (encoding !== 'shift_jis' && isUtf8(bytes)) {
    if (encoding === 'auto' && !isAscii(bytes)) state.encoding = 'utf-8';
    return { text: bytes.toString('utf8'), state };
  }
  if (encoding === 'shift_jis' || (encoding === 'auto' && !mostlyUtf8(bytes) && isCleanShiftJis(bytes))) {
    state.encoding = 'shift_jis';
    const text = new TextDecoder('shift_jis').decode(bytes);
    state.replaced = text.includes('\uFFFD');
    return { text, state };
  }
  state.encoding = 'utf-8';
  state.replaced = true;
  return { text: new TextDecoder('utf-8').decode(bytes), state };
}

/**
 * UTF-8 with a few broken characters (a file cut mid-character, one bad
 * paste) is still UTF-8: its bytes can also happen to be valid CP932, but
 * reading them so would garble every line. Shift_JIS read as UTF-8 gives
 * almost only replacement characters.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (const ch of new TextDecoder('utf-8').decode(bytes)) {
    if (ch === '\uFFFD') bad++;
    else if (ch.charCodeAt(0) >= 0x80) good++;
  }
  return good > bad;
}

function isCleanShiftJis(bytes: Uint8Array): boolean {
  try {
    // fatal: the first byte that is no CP932 character throws. A double-byte
    // character cut at the chunk's end is no error with `stream: true`.
    new TextDecoder('shift_jis', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function replaceInvalidUtf8(bytes: Buffer, decoder: TextDecoder, state: DecodeState): Buffer {
  const text = decoder.decode(bytes);
  if (text.includes('\uFFFD')) state.replaced = true;
  return Buffer.from(text, 'utf8');
}

/** The length of `bytes` without a UTF-8 character cut at its end. */
function completeLength(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return n; // ASCII: nothing is cut
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
  }
  return n;
}
