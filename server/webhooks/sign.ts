import { createHmac } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the value of X-Leadscore-Signature. */
export function signature(secret: Uint8Array, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
