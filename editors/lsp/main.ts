import { runLanguageServer } from './server.js';

/** `leadscore lsp --stdio`: the only transport is stdin/stdout, so the flag is accepted and required by editors' conventions, not read. */
export async function runLsp(): Promise<number> {
  await runLanguageServer(process.stdin, process.stdout);
  return 0;
}
