import { signature } from './sign.js';
import type { TryOutcome } from './delivery-store.js';

/**
 * One POST of a delivery: 2xx is delivered; any other status, a refused or
 * dropped connection, or no answer within `timeoutMs` is a failed try.
 * Redirects are not followed (a receiver that moved answers 3xx: a failure
 * that shows in last_status).
 */
export async function sendTry(
  url: string,
  deliveryId: string,
  body: string,
  secret: Uint8Array | undefined,
  timeoutMs: number,
): Promise<TryOutcome> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'leadscore-webhooks',
    'x-leadscore-delivery': deliveryId,
  };
  if (secret) headers['x-leadscore-signature'] = signature(secret, body);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read (and drop) the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `the receiver answered ${response.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError')
      return { ok: false, status: null, error: `no answer within ${timeoutMs} ms` };
    const cause = err.cause?.code ?? err.cause?.message ?? err.message;
    return { ok: false, status: null, error: `the request failed: ${cause}` };
  }
}
