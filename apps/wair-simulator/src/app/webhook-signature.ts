import { createHmac } from 'node:crypto';

/** Header carrying `sha256=<hex HMAC-SHA256 of timestamp + "." + body>`. */
export const SIGNATURE_HEADER = 'X-Wair-Signature';
/** Header carrying the signing time in Unix seconds. */
export const TIMESTAMP_HEADER = 'X-Wair-Timestamp';

/** The signature WAIR webhooks carry, per docs/wair-contract.md. */
export function signWebhook(secret: string, timestamp: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}
