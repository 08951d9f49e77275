import { dlqHeaders, dlqTopicName, type StockOrigin, type WairSku } from '@wair-sfcc/contracts';
import type { TypedProducer } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import { createDispatchState } from './dispatch-state';
import { toContractNames, type FieldNames } from './field-names';
import type { IngestMetrics } from './ingest-metrics';
import { createSkuRules } from './sku-rules';
import { createSkuMismatchExceptions, type MismatchTable } from './sku-mismatch.exception';
import type { Feed, IngestResult, IntakePath, PipelineTopics } from './ingest-pipeline.types';

export type { Feed, IngestResult, IntakePath, Outcome, PipelineTopics } from './ingest-pipeline.types';
import { createStockState } from './stock-state';
import {
  DISPATCH_FIELDS,
  SKU_FIELDS,
  STOCK_FIELDS,
  dispatchRecordSchema,
  firstIssue,
  skuRecordSchema,
  stockRecordSchema,
} from './wair-record.schemas';

export interface PipelineDeps {
  app: string;
  producer: TypedProducer;
  topics: PipelineTopics;
  names: FieldNames;
  metrics: IngestMetrics;
  logger: Logger;
  skuPattern: string;
  /** Accepted location codes; empty accepts any. */
  locations: readonly string[];
  clock?: () => number;
  /** The exceptions table's SKU_MISMATCH rows (a raise continues its row: acknowledgements survive). */
  mismatchTable?: MismatchTable;
}

const ORIGIN: Record<IntakePath, StockOrigin> = { webhook: 'WEBHOOK', poll: 'POLL', snapshot: 'SNAPSHOT' };

/**
 * The one pipeline behind webhooks, polling and snapshots: validate, check SKU identifiers, drop
 * stale figures, publish the full per-key record. State changes synchronously before the send, so
 * records of a key reach Kafka in the order they were applied and never go back in time.
 */
export function createIngestPipeline(deps: PipelineDeps) {
  const { producer, topics, names, metrics, logger } = deps;
  const clock = deps.clock ?? Date.now;
  const stock = createStockState();
  const dispatches = createDispatchState();
  const skuMaster = new Map<string, string>();
  const parentCodes = new Set<string>();
  const rules = createSkuRules(deps.skuPattern, (code) => parentCodes.has(code));
  const lastSend = new Map<string, Promise<void>>();
  const mismatches = createSkuMismatchExceptions(deps.app, deps.mismatchTable);
  const locations = new Set(deps.locations);
  // Keys whose last publish failed: the next record for them republishes the current state even
  // when it is itself a duplicate, which is how a re-polled page repairs a failed send.
  const unsent = new Set<string>();

  const count = (feed: Feed, path: IntakePath, outcome: string): void =>
    metrics.events.inc({ feed, path, outcome });

  function track(
    key: string,
    send: Promise<void>,
    feed: Feed,
    path: IntakePath,
    modifiedAt: number,
  ): Promise<void> {
    const ack = send.then(
      () => metrics.delay.observe({ feed, path }, Math.max(0, clock() - modifiedAt) / 1000),
      (error: unknown) => {
        unsent.add(key);
        count(feed, path, 'FAILED');
        logger.warn({ err: error, feed, key }, 'publish failed; the record will be read again');
        throw error;
      },
    );
    // Kept rejecting: a duplicate of a record whose send failed must not let a poll cursor advance.
    ack.catch(() => undefined);
    lastSend.set(key, ack);
    return ack;
  }

  function park(
    feed: Feed,
    path: IntakePath,
    raw: unknown,
    source: string,
    original: Buffer | undefined,
    { field, message }: { field: string; message: string },
  ): IngestResult {
    const topic = dlqTopicName(topics[feed === 'skus' ? 'skus' : feed]);
    metrics.dlq.inc({ topic });
    count(feed, path, 'INVALID');
    const sku =
      typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[names.skuCode] : null;
    // Only a scalar makes a key: String() of an object such as {"toString": 1} throws.
    const key = typeof sku === 'string' || typeof sku === 'number' ? String(sku) || null : null;
    logger.warn({ feed, path, source, field, reason: message }, 'invalid WAIR record parked on the DLQ');
    const headers = dlqHeaders({
      sourceTopic: `wair-${path}:${feed}`,
      sourcePartition: -1,
      sourceOffset: source,
      app: deps.app,
      errorClass: 'WairRecordValidationError',
      errorMessage: `${field}: ${message}`,
      failedAt: new Date(clock()),
    });
    const bytes = original ?? Buffer.from(JSON.stringify(raw ?? null));
    return { outcome: 'INVALID', field, message, ack: producer.sendRaw(topic, key, bytes, headers) };
  }

  function mismatch(feed: Feed, path: IntakePath, code: string, problem: string): IngestResult {
    count(feed, path, 'SKU_MISMATCH');
    const change = mismatches.raise(code, problem, { feed, path }, clock());
    const ack = change
      ? producer
          .send(topics.exceptions, change.exception.id, change.exception)
          .then(() => mismatches.published(change.exception))
      : Promise.resolve();
    return { outcome: 'SKU_MISMATCH', message: problem, ack };
  }

  return {
    stockState: stock,
    dispatchState: dispatches,
    /**
     * After a complete snapshot of `feed` that began at `since`: resolves this app's SKU_MISMATCH
     * exceptions of codes it did not meet again. Returns how many were resolved.
     */
    async resolveMismatchesNotSeenSince(feed: Feed, since: number): Promise<number> {
      const changes = mismatches.resolveUnseen(feed, since, clock());
      for (const change of changes) {
        await producer.send(topics.exceptions, change.exception.id, change.exception);
        mismatches.published(change.exception);
      }
      if (changes.length > 0)
        logger.info({ feed, resolved: changes.length }, 'SKU_MISMATCH resolved: codes WAIR no longer has');
      return changes.length;
    },
    loadSku(value: WairSku): void {
      skuMaster.set(value.sku, JSON.stringify({ ...value, modifiedAt: 0 }));
      parentCodes.add(value.styleCode).add(value.itemCode);
    },
    stock(raw: unknown, path: IntakePath, source: string, original?: Buffer): IngestResult {
      const parsed = stockRecordSchema.safeParse(toContractNames(raw, names, STOCK_FIELDS));
      if (!parsed.success) return park('stock', path, raw, source, original, firstIssue(parsed.error));
      const record = parsed.data;
      if (locations.size > 0 && !locations.has(record.locationCode)) {
        return park('stock', path, raw, source, original, {
          field: 'locationCode',
          message: `unknown location ${record.locationCode}`,
        });
      }
      const problem = rules.problem(record.skuCode);
      if (problem) return mismatch('stock', path, record.skuCode, problem);
      let level = stock.apply(record, ORIGIN[path], clock());
      if (!level && unsent.delete(record.skuCode))
        level = stock.current(record.skuCode, ORIGIN[path], clock());
      if (!level) {
        count('stock', path, 'DUPLICATE');
        return { outcome: 'DUPLICATE', ack: lastSend.get(record.skuCode) ?? Promise.resolve() };
      }
      count('stock', path, 'PRODUCED');
      const send = producer.send(topics.stock, level.sku, level);
      return {
        outcome: 'PRODUCED',
        ack: track(level.sku, send, 'stock', path, Date.parse(record.modifiedDateTime)),
      };
    },
    dispatch(raw: unknown, path: IntakePath, source: string, original?: Buffer): IngestResult {
      const shaped = toContractNames(raw, names, DISPATCH_FIELDS) as Record<string, unknown>;
      if (Array.isArray(shaped?.['lines']))
        shaped['lines'] = shaped['lines'].map((l) => toContractNames(l, names, ['skuCode', 'quantity']));
      const parsed = dispatchRecordSchema.safeParse(shaped);
      if (!parsed.success) return park('dispatches', path, raw, source, original, firstIssue(parsed.error));
      const key = `order:${parsed.data.orderNumber}`;
      let value = dispatches.apply(parsed.data, clock());
      if (!value && unsent.delete(key)) value = dispatches.current(parsed.data.orderNumber, clock());
      if (!value) {
        count('dispatches', path, 'DUPLICATE');
        return { outcome: 'DUPLICATE', ack: lastSend.get(key) ?? Promise.resolve() };
      }
      count('dispatches', path, 'PRODUCED');
      const send = producer.send(topics.dispatches, value.orderNo, value);
      return {
        outcome: 'PRODUCED',
        ack: track(key, send, 'dispatches', path, Date.parse(parsed.data.modifiedDateTime)),
      };
    },
    sku(raw: unknown, path: IntakePath, source: string, original?: Buffer): IngestResult {
      const parsed = skuRecordSchema.safeParse(toContractNames(raw, names, SKU_FIELDS));
      if (!parsed.success) return park('skus', path, raw, source, original, firstIssue(parsed.error));
      const r = parsed.data;
      parentCodes.add(r.styleCode).add(r.itemCode);
      const problem = rules.problem(r.skuCode);
      if (problem) return mismatch('skus', path, r.skuCode, problem);
      const value: WairSku = {
        sku: r.skuCode,
        styleCode: r.styleCode,
        itemCode: r.itemCode,
        colour: r.colour,
        size: r.size,
        barcode: r.barcode ?? null,
        status: r.status,
        modifiedAt: Date.parse(r.modifiedDateTime),
      };
      const fingerprint = JSON.stringify({ ...value, modifiedAt: 0 });
      if (skuMaster.get(r.skuCode) === fingerprint) {
        count('skus', path, 'DUPLICATE');
        return { outcome: 'DUPLICATE', ack: lastSend.get(`sku:${r.skuCode}`) ?? Promise.resolve() };
      }
      skuMaster.set(r.skuCode, fingerprint);
      count('skus', path, 'PRODUCED');
      return {
        outcome: 'PRODUCED',
        ack: track(
          `sku:${r.skuCode}`,
          producer.send(topics.skus, r.skuCode, value),
          'skus',
          path,
          value.modifiedAt,
        ),
      };
    },
  };
}

export type IngestPipeline = ReturnType<typeof createIngestPipeline>;
