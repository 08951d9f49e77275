import { randomBytes } from 'node:crypto';
import { meros } from 'meros/browser';

/** OCAPI limits on one batch request. */
export const OCAPI_BATCH_MAX_PARTS = 50;
export const OCAPI_BATCH_MAX_BYTES = 5 * 1024 * 1024;

/** One sub-request of an OCAPI batch; method and resource path are inherited from the main request. */
export interface BatchPart {
  contentId: string;
  /** Appended to the main request's `x-dw-resource-path`. */
  resourcePathExtension: string;
  body: unknown;
}

/** One sub-response, matched to its sub-request by `contentId`. */
export interface BatchPartResponse {
  contentId: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A boundary that cannot occur in JSON bodies of ids and numbers. */
export function newBoundary(): string {
  return `wair-batch-${randomBytes(12).toString('hex')}`;
}

/** The multipart/mixed body of an OCAPI batch request (CRLF line ends, as RFC 2046 requires). */
export function buildBatchBody(parts: readonly BatchPart[], boundary: string): string {
  const chunks = parts.map(
    (part) =>
      `--${boundary}\r\n` +
      `x-dw-content-id: ${part.contentId}\r\n` +
      `x-dw-resource-path-extension: ${part.resourcePathExtension}\r\n` +
      `content-type: application/json\r\n` +
      `\r\n` +
      `${JSON.stringify(part.body)}\r\n`,
  );
  return `${chunks.join('')}--${boundary}--\r\n`;
}

/** Size of one part in the body, to keep a batch under {@link OCAPI_BATCH_MAX_BYTES}. */
export function batchPartBytes(part: BatchPart, boundary: string): number {
  return Buffer.byteLength(buildBatchBody([part], boundary)) - Buffer.byteLength(`--${boundary}--\r\n`);
}

/** Parses a multipart/mixed batch response (via meros) into per-part status and JSON body. */
export async function parseBatchResponse(contentType: string, body: Buffer): Promise<BatchPartResponse[]> {
  const response = new Response(body, { status: 200, headers: { 'content-type': contentType } });
  const parts = await meros<unknown>(response);
  if (parts instanceof Response)
    throw new Error(`batch response is not multipart (content-type ${contentType})`);
  const out: BatchPartResponse[] = [];
  for await (const part of parts) {
    const headers = part.headers as Record<string, string>;
    let partBody: unknown = part.body;
    if (!part.json && typeof partBody === 'string' && partBody.trim().startsWith('{')) {
      try {
        partBody = JSON.parse(partBody);
      } catch {
        // keep the text: the caller reports it as the part's message
      }
    }
    out.push({
      contentId: headers['x-dw-content-id'] ?? '',
      status: Number(headers['x-dw-status-code'] ?? NaN),
      headers,
      body: partBody,
    });
  }
  return out;
}
