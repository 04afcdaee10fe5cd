import ParseWorker from './parse-worker.ts?worker';
import type { RawFile } from '../engine/raw-data.js';
import type { ParseRequest, ParseResponse } from './parse-protocol.js';

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

export async function parseUserFiles(files: readonly File[]): Promise<RawFile[]> {
  const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  return parseInWorker(inputs);
}
