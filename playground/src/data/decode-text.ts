/**
 * The text of a data file the user opened: UTF-8 (with or without a BOM), or
 * Shift_JIS — what Japanese Excel writes for 「CSV (コンマ区切り)」 — when the
 * bytes are not UTF-8 but are clean Shift_JIS (Windows-31J). Anything else is
 * refused rather than read garbled. Excel workbooks are recognised by their
 * signature (a ZIP or an OLE file) and refused with how to export a CSV.
 * Browser-only: the browser's TextDecoder knows Shift_JIS.
 */
export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'shift_jis' }
  | { readonly ok: false; readonly reason: 'excel' | 'encoding' };

export function decodeText(name: string, bytes: Uint8Array): DecodedText {
  if (isExcelWorkbook(name, bytes)) return { ok: false, reason: 'excel' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: try Shift_JIS.
  }
  try {
    return { ok: true, text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
  } catch {
    return { ok: false, reason: 'encoding' };
  }
}

/** .xlsx (a ZIP: "PK\x03\x04") or .xls (an OLE compound file), whatever the file is called. */
function isExcelWorkbook(name: string, bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole || /\.(xlsx|xlsm|xls)$/i.test(name);
}
