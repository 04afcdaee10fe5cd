import { runLanguageServer } from './server.js';

/** `leadscore lsp --stdio`: stdin and stdout are the only transport (`--stdio` is what editors pass). */
export async function runLsp(): Promise<number> {
  await runLanguageServer(process.stdin, process.stdout);
  return 0;
}
