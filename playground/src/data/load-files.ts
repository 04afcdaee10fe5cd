import ParseWorker from './parse-worker.ts?worker';
import type { RawFile } from '../engine/raw-data.js';
import type { ParseRequest, ParseResponse } from './parse-protocol.js';
import { t } from '../i18n.js';
import { decodeText } from './decode-text.js';

/** One parse worker for the page; requests are answered in turn, matched by id. */
let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (files: RawFile[]) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new ParseWorker();
  worker.addEventListener('message', (message: MessageEvent<ParseResponse>) => {
    const response = message.data;
    const waiter = pending.get(response.id);
    pending.delete(response.id);
    if (!waiter) return;
    if (response.ok) waiter.resolve(response.files);
    else waiter.reject(new Error(response.error));
  });
  return worker;
}

export function parseInWorker(files: ParseRequest['files']): Promise<RawFile[]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, files } satisfies ParseRequest);
  });
}

/**
 * Reads the files' bytes (UTF-8 or Shift_JIS, see decode-text.ts) and parses
 * them in the worker. An Excel workbook or a file in another encoding is
 * refused with what to do; `notes` says which files were read as Shift_JIS.
 */
export async function parseUserFiles(files: readonly File[]): Promise<{ files: RawFile[]; notes: string[] }> {
  const notes: string[] = [];
  const inputs = await Promise.all(
    files.map(async (f) => {
      const decoded = decodeText(f.name, new Uint8Array(await f.arrayBuffer()));
      if (!decoded.ok)
        throw new Error(decoded.reason === 'excel' ? t().excelNotSupported(f.name) : t().notUtf8(f.name));
      if (decoded.encoding === 'shift_jis') notes.push(t().readAsShiftJis(f.name));
      return { name: f.name, text: decoded.text };
    }),
  );
  return { files: await parseInWorker(inputs), notes };
}
