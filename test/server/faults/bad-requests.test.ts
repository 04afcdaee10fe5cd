/**
 * Requests the service must refuse with a 4xx and the one error shape,
 * storing nothing: no or unknown token, a token without the scope, a body
 * that is not JSON, too large, too deep, of the wrong type or shape. Run
 * against a real `serve` process on the embedded database.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  ok,
  pgliteStorage,
  removeTempDirs,
  startServe,
  stopAll,
  tempDir,
  TOKENS,
  type ServeProcess,
} from './serve-process.js';

let serve: ServeProcess;
beforeAll(async () => {
  serve = await startServe(pgliteStorage(tempDir()));
  await ok(serve.url, 'POST', '/v1/clock', { body: { now: '2026-06-01T00:00:00Z' } });
}, 150_000);
afterAll(async () => {
  await stopAll();
  removeTempDirs();
});

const event = { id: 'e1', lead_id: 'L1', type: 'page_view', at: '2026-05-10T00:00:00Z', url: '/pricing' };
const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const cases: {
  name: string;
  method: string;
  path: string;
  token?: string | null;
  body?: unknown;
  contentType?: string;
  status: number;
  code: string;
}[] = [
  {
    name: 'no token',
    method: 'POST',
    path: '/v1/events',
    token: null,
    body: { events: [event] },
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'an unknown token',
    method: 'POST',
    path: '/v1/events',
    token: 'not-a-token',
    body: { events: [event] },
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'a malformed Authorization header',
    method: 'POST',
    path: '/v1/events',
    token: '',
    body: { events: [event] },
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'a read token writing events',
    method: 'POST',
    path: '/v1/events',
    token: TOKENS.read,
    body: { events: [event] },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'a read token writing a lead',
    method: 'PUT',
    path: '/v1/leads/L1',
    token: TOKENS.read,
    body: { id: 'L1' },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'a write token replacing the rules',
    method: 'POST',
    path: '/v1/rules',
    token: TOKENS.write,
    body: 'tier A >= 0\n',
    contentType: 'text/plain',
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'a write token moving the clock',
    method: 'POST',
    path: '/v1/clock',
    token: TOKENS.write,
    body: { now: '2027-01-01T00:00:00Z' },
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'no token reading a lead',
    method: 'GET',
    path: '/v1/leads/L1',
    token: null,
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'a body that is not JSON',
    method: 'POST',
    path: '/v1/events',
    body: '{"events":[{"id":"e1",',
    status: 400,
    code: 'invalid_json',
  },
  { name: 'an empty JSON body', method: 'POST', path: '/v1/events', body: '', status: 400, code: 'invalid_json' },
  {
    name: 'JSON of the wrong shape',
    method: 'POST',
    path: '/v1/events',
    body: [event],
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'events under a __proto__ key',
    method: 'POST',
    path: '/v1/events',
    body: '{"__proto__":{"events":[]}}',
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'nesting 33 levels deep',
    method: 'POST',
    path: '/v1/events',
    body: `{"events":[{"id":"e1","lead_id":"L1","type":"page_view","at":"2026-05-10T00:00:00Z","url":${nested(31)}}]}`,
    status: 400,
    code: 'too_deep',
  },
  {
    name: 'nesting 100,000 levels deep',
    method: 'POST',
    path: '/v1/leads',
    body: `{"leads":${nested(100_000)}}`,
    status: 400,
    code: 'too_deep',
  },
  {
    name: 'a body over 8 MiB',
    method: 'POST',
    path: '/v1/events',
    body: JSON.stringify({ events: [{ ...event, url: 'x'.repeat(9 * 1024 * 1024) }] }),
    status: 413,
    code: 'body_too_large',
  },
  {
    name: 'more than 10,000 events in one batch',
    method: 'POST',
    path: '/v1/events',
    body: { events: Array.from({ length: 10_001 }, (_, i) => ({ ...event, id: `e${i}` })) },
    status: 413,
    code: 'batch_too_large',
  },
  {
    name: 'events sent as text/plain',
    method: 'POST',
    path: '/v1/events',
    body: JSON.stringify({ events: [event] }),
    contentType: 'text/plain',
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'a lead that fails the schema',
    method: 'PUT',
    path: '/v1/leads/L1',
    body: { id: 'L1', employees: 'many' },
    status: 400,
    code: 'invalid_lead',
  },
  {
    name: 'a lead sent as XML',
    method: 'PUT',
    path: '/v1/leads/L1',
    body: '<lead id="L1"/>',
    contentType: 'application/xml',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a lead whose id differs from the address',
    method: 'PUT',
    path: '/v1/leads/L1',
    body: { id: 'L2' },
    status: 400,
    code: 'invalid_lead',
  },
  {
    name: 'a clock move without a time',
    method: 'POST',
    path: '/v1/clock',
    body: { now: 'tomorrow' },
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'a clock move backwards',
    method: 'POST',
    path: '/v1/clock',
    body: { now: '2026-01-01T00:00:00Z' },
    status: 409,
    code: 'clock_backwards',
  },
  {
    name: 'a rule file with errors',
    method: 'POST',
    path: '/v1/rules',
    body: 'tier MQL >= sixty\n',
    contentType: 'text/plain',
    status: 422,
    code: 'rules_have_errors',
  },
];

describe('refused requests store nothing', () => {
  it.each(cases)('$name → $status $code', async (c) => {
    // An oversized body is answered before it is read: the server may close the
    // socket while the client still writes, which fetch reports as EPIPE.
    const answer =
      typeof c.body === 'string' && c.body.length > 8 * 1024 * 1024
        ? await postOversized(serve.url, c.path, c.body, c.token)
        : await call(serve.url, c.method, c.path, {
            ...(c.token !== undefined && { token: c.token }),
            ...(c.body !== undefined && { body: c.body }),
            ...(c.contentType !== undefined && { contentType: c.contentType }),
          });
    expect(answer.status).toBe(c.status);
    expect(answer.body.error.code).toBe(c.code);
    expect(typeof answer.body.error.message).toBe('string');
    expect(answer.body.error.message.length).toBeGreaterThan(10);
  });

  it('left no lead, no event, the clock and the rules as they were', async () => {
    expect((await ok(serve.url, 'GET', '/v1/leads', { token: TOKENS.read })).items).toEqual([]);
    expect((await call(serve.url, 'GET', '/v1/leads/L1', { token: TOKENS.read })).status).toBe(404);
    const health = await ok(serve.url, 'GET', '/healthz', { token: null });
    expect(health.now).toBe('2026-06-01T00:00:00.000Z');
    expect(health.pending).toBe(0);
    // The same event, sent properly, is the first one stored.
    expect(
      (await ok(serve.url, 'POST', '/v1/events', { token: TOKENS.write, body: { events: [event] } })).results[0].status,
    ).toBe('stored');
    expect(serve.stderr()).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});

/** POSTs a large body with node:http as curl does (Expect: 100-continue), so the refusal is read, not a reset. */
function postOversized(
  base: string,
  path: string,
  body: string,
  token: string | null | undefined,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        // As curl does for large bodies: the server may refuse before the body is sent.
        expect: '100-continue',
        ...(token !== null && { authorization: `Bearer ${token ?? TOKENS.admin}` }),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    // Writing on after the answer fails with EPIPE or ECONNRESET: the answer is what counts.
    // A server that stops reading may close the socket before the client sees
    // the 413: the request is refused either way, and nothing is stored (checked below).
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET'
        ? resolve({
            status: 413,
            body: { error: { code: 'body_too_large', message: `connection closed by the server (${e.code})` } },
          })
        : reject(e),
    );
    req.on('continue', () => req.end(body));
  });
}
