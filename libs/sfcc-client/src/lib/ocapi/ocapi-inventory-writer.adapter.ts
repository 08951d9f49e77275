import type { AccessTokenProvider } from '../auth/account-manager-token.client';
import { parseRetryAfter, type RateSignal } from '../resilience/adaptive-rate-limiter';
import type { InventoryRecordWrite, InventoryWriteResult, InventoryWriter } from '../inventory-writer.port';
import {
  OCAPI_BATCH_MAX_BYTES,
  OCAPI_BATCH_MAX_PARTS,
  batchPartBytes,
  buildBatchBody,
  newBoundary,
  parseBatchResponse,
  type BatchPart,
} from './ocapi-batch.codec';
import { isInvalidAccessToken, parseOcapiFault } from './ocapi-fault';
import type { OcapiHttpClient } from './ocapi-http.client';
import { invalidWriteReason } from './inventory-write.validation';
import { SfccHttpError } from '../sfcc-errors';

export interface OcapiInventoryWriterOptions {
  http: OcapiHttpClient;
  /** The token provider the http client uses: a part answered 401 drops the token once. */
  tokens: AccessTokenProvider;
  /** OCAPI Data API version, e.g. `v24_5`. */
  ocapiVersion?: string;
  /** Sub-requests per batch, at most 50 (OCAPI's limit). */
  maxPartsPerBatch?: number;
  /** Receives the load signals of sub-responses (429 `Retry-After`, 503): pass the shared limiter. */
  rateSignals?: { observe(signal: RateSignal): void };
}

type Item = { index: number; write: InventoryRecordWrite };

/**
 * InventoryWriter over OCAPI batch requests: each record is one `PUT
 * /inventory_lists/{list}/product_inventory_records/{product_id}` part of a `POST /s/-/dw/batch`
 * (≤ 50 parts, ≤ 5 MB); every part's `x-dw-status-code` becomes that record's result.
 */
export function createOcapiInventoryWriter(options: OcapiInventoryWriterOptions): InventoryWriter {
  const version = options.ocapiVersion ?? 'v24_5';
  const maxParts = Math.min(
    OCAPI_BATCH_MAX_PARTS,
    Math.max(1, options.maxPartsPerBatch ?? OCAPI_BATCH_MAX_PARTS),
  );
  const boundary = newBoundary();

  const toPart = ({ index, write }: Item): BatchPart => ({
    contentId: String(index),
    resourcePathExtension: `${encodeURIComponent(write.inventoryListId)}/product_inventory_records/${encodeURIComponent(write.productId)}`,
    body: { allocation: { amount: write.allocation, reset_date: new Date(write.resetDate).toISOString() } },
  });

  const chunk = (items: Item[]): Item[][] => {
    const batches: Item[][] = [];
    let current: Item[] = [];
    let bytes = 0;
    for (const item of items) {
      const size = batchPartBytes(toPart(item), boundary);
      if (current.length >= maxParts || (current.length > 0 && bytes + size > OCAPI_BATCH_MAX_BYTES - 1024)) {
        batches.push(current);
        current = [];
        bytes = 0;
      }
      current.push(item);
      bytes += size;
    }
    if (current.length) batches.push(current);
    return batches;
  };

  /** Sends one batch; returns a result per item, or `undefined` for parts refused for their token. */
  const sendBatch = async (items: Item[]): Promise<Map<number, InventoryWriteResult | undefined>> => {
    const res = await options.http.request({
      method: 'POST',
      path: '/s/-/dw/batch',
      headers: {
        'content-type': `multipart/mixed; boundary=${boundary}`,
        'x-dw-http-method': 'PUT',
        'x-dw-resource-path': `/s/-/dw/data/${version}/inventory_lists/`,
      },
      body: buildBatchBody(items.map(toPart), boundary),
    });
    const out = new Map<number, InventoryWriteResult | undefined>();
    if (res.status !== 200) {
      // The batch as a whole was refused (e.g. QuotaExceededException): no part was applied.
      const fault = parseOcapiFault(res.body);
      for (const { index, write } of items) {
        out.set(index, {
          write,
          status: 'REJECTED',
          httpStatus: res.status,
          faultType: fault?.type,
          message: `batch refused: ${fault?.message ?? res.body.toString().slice(0, 200)}`,
          retriable: false,
        });
      }
      return out;
    }
    const parts = await parseBatchResponse(res.headers.get('content-type') ?? '', res.body).catch(
      (error: unknown) => {
        // A 200 we cannot read says nothing about which parts were applied: retry the whole batch.
        throw new SfccHttpError(`POST /s/-/dw/batch answered 200: ${(error as Error).message}`, {
          method: 'POST',
          path: '/s/-/dw/batch',
          status: res.status,
          retriable: true,
        });
      },
    );
    const byId = new Map(parts.map((p) => [p.contentId, p]));
    for (const { index, write } of items) {
      const part = byId.get(String(index));
      if (!part) {
        out.set(index, {
          write,
          status: 'FAILED',
          message: 'no sub-response for this record in the batch',
          retriable: true,
        });
        continue;
      }
      const fault = parseOcapiFault(part.body);
      const status = part.status;
      if (status === 429 || status === 503) {
        options.rateSignals?.observe({ status, retryAfterMs: parseRetryAfter(part.headers['retry-after']) });
      }
      if (status >= 200 && status < 300)
        out.set(index, { write, status: 'OK', httpStatus: status, retriable: false });
      else if (isInvalidAccessToken(status, fault)) out.set(index, undefined);
      else {
        const retriable = status === 429 || status >= 500 || Number.isNaN(status);
        out.set(index, {
          write,
          status: retriable ? 'FAILED' : 'REJECTED',
          httpStatus: Number.isNaN(status) ? undefined : status,
          faultType: fault?.type,
          message: fault?.message || `sub-request answered ${status}`,
          retriable,
        });
      }
    }
    return out;
  };

  const writeBatch = async (items: Item[]): Promise<Map<number, InventoryWriteResult>> => {
    const first = await sendBatch(items);
    const refused = items.filter((i) => first.get(i.index) === undefined);
    const results = new Map<number, InventoryWriteResult>();
    for (const [index, result] of first) if (result) results.set(index, result);
    if (refused.length === 0) return results;
    // The token expired between issue and use: take a fresh one and resend those parts, once.
    options.tokens.invalidate();
    const second = await sendBatch(refused);
    for (const item of refused) {
      results.set(
        item.index,
        second.get(item.index) ?? {
          write: item.write,
          status: 'FAILED',
          httpStatus: 401,
          faultType: 'InvalidAccessTokenException',
          message: 'token refused again after re-authentication',
          retriable: true,
        },
      );
    }
    return results;
  };

  return {
    async write(records) {
      const results: InventoryWriteResult[] = new Array(records.length);
      const valid: Item[] = [];
      records.forEach((write, index) => {
        const reason = invalidWriteReason(write);
        if (reason) results[index] = { write, status: 'REJECTED', message: reason, retriable: false };
        else valid.push({ index, write });
      });
      const batches = await Promise.all(chunk(valid).map(writeBatch));
      for (const batch of batches) for (const [index, result] of batch) results[index] = result;
      return results;
    },
  };
}
