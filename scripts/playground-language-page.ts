import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import type { Plugin } from 'vite';

/**
 * The language reference (docs/language.md) as a page of the site,
 * `language.html`, so the playground links to it on any host and offline.
 * Rendered at build time (and on request by the dev server); the page has
 * no script, and the Markdown is the repository's own.
 */
const docs = new URL('../docs/language.md', import.meta.url);

export function languageHtml(): string {
  const body = marked.parse(readFileSync(docs, 'utf8'), { async: false });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>The leadscore language — reference</title>
<style>
body { font-family: system-ui, 'Hiragino Sans', 'Noto Sans JP', 'IPAexGothic', 'IPAGothic', sans-serif; max-width: 52em; margin: 0 auto; padding: 16px; line-height: 1.6; color: #1f2328; }
pre { background: #f6f8fa; padding: 8px 12px; overflow-x: auto; }
code { font-family: ui-monospace, 'IPAGothic', monospace; }
table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export const languagePage: Plugin = {
  name: 'leadscore:language-page',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (!req.url?.endsWith('/language.html')) return next();
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(languageHtml());
    });
  },
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'language.html', source: languageHtml() });
  },
};
