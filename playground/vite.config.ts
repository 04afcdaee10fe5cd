import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The playground lives in playground/ but imports the engine (../grammar,
// ../compiler, ../runtime) and the example data (../examples, ../rules), so
// the dev server must be allowed to read the repository root.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs: the built site works from any sub-path of any static host.
  base: './',
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
