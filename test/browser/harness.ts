/**
 * Browser-test plumbing: serve the built playground (playground/dist) on a
 * free localhost port with a tiny static server, and drive Debian's Chromium
 * through playwright-core. Each test gets a fresh browser context (fresh
 * storage); Playwright launches Chromium with a new temporary profile.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const DIST = resolve(import.meta.dirname, '../../playground/dist');
export const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function serveDist(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`${DIST}/index.html is missing: run npm run build:playground first`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }),
    ),
  );
}

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export async function newPage(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  // `playground()` in page.evaluate callbacks: the page's automation API.
  await context.addInitScript('window.playground = () => window.leadscorePlayground;');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { context, page, errors };
}

/** Waits until the example data is scored (the results table has rows). */
export async function waitForResults(page: Page, leads = 3000): Promise<void> {
  await page.waitForFunction((n) => document.body.dataset.leads === String(n), leads, { timeout: 30_000 });
}

/** Waits for the next pass of the check → score pipeline after `action`. */
export async function nextRun(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset.run ?? 0));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.run ?? 0) > n, before, { timeout: 10_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** The built playground on a local port and one Chromium, started once for the test file that calls this. */
export interface PlaygroundUnderTest {
  readonly url: string;
  readonly browser: Browser;
  /** A fresh browser context (fresh storage) at `at`, by default the playground. */
  open(at?: string): ReturnType<typeof newPage>;
}

export function usePlayground(): PlaygroundUnderTest {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let url = '';
  beforeAll(async () => {
    ({ server, url } = await serveDist());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  const started = (): Browser => {
    if (!browser) throw new Error('the playground is started in beforeAll: use it inside a test');
    return browser;
  };
  return {
    get url() {
      return url;
    },
    get browser() {
      return started();
    },
    open: (at = url) => newPage(started(), at),
  };
}
