import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { languagePage } from '../scripts/playground-language-page.js';

// The playground lives in playground/ but imports the engine (../grammar,
// ../compiler, ../runtime) and the example data (../examples, ../rules), so
// the dev server must be allowed to read the repository root.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Monaco is imported piece by piece (src/monaco-env.ts). Its JSON language
// reaches the web-worker helper `internal/common/workers.js`, which also imports
// every editor contribution; point that one import at a copy of the helper alone.
const monacoWorkersShim = fileURLToPath(new URL('./src/monaco-workers.ts', import.meta.url));
const trimMonaco: Plugin = {
  name: 'leadscore:trim-monaco',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer?.includes('/node_modules/monaco-editor/') && source.endsWith('/internal/common/workers.js'))
      return monacoWorkersShim;
    return null;
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs: the built site works from any sub-path of any static host.
  base: './',
  plugins: [trimMonaco, languagePage],
  server: { fs: { allow: [repoRoot] } },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco is large; one chunk warning per build tells nobody anything new.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
  },
});
