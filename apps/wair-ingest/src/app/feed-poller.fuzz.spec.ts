import fc from 'fast-check';
import { createInMemoryProducer } from '@wair-sfcc/kafka/testing';
import { createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import type { CursorStore } from './cursor-store';
import { createFeedPoller } from './feed-poller';
import { parseFieldNames } from './field-names';
import { createIngestMetrics } from './ingest-metrics';
import { createIngestPipeline, type IngestResult } from './ingest-pipeline';
import { WairApiError } from './wair-api.error';
import { createWairClient } from './wair-client';
import { testWairClientOptions } from '../testing/test-wair-client';

// Case count: modest in `npm test`, 10,000 in the full fuzz run (`npm run fuzz`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

/**
 * No unhandled rejection: Jest 30 (jest-circus) fails the running test on one, so each async test
 * ends with a timer turn in which a late rejection still lands inside it.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

const key = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('__proto__', 'toString', 'valueOf', 'records', 'skuCode', 'modifiedDateTime'),
);
const anyJson = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string({ maxLength: 30 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

const stockRecord = fc
  .record({ onHand: fc.nat(100), reserved: fc.nat(5), sequence: fc.nat(), sku: fc.nat(20), at: fc.nat(1e6) })
  .map(({ onHand, reserved, sequence, sku, at }) => ({
    skuCode: `ST${sku}-BLK-M`,
    locationCode: 'WEB01',
    onHand,
    reserved,
    available: onHand - reserved,
    modifiedDateTime: new Date(NOW - at).toISOString(),
    sequence,
  }));
/** A record of the feed: valid, one field swapped for anything, or anything at all. */
const record = fc.oneof(
  stockRecord,
  fc.tuple(stockRecord, key, anyJson).map(([r, k, v]) => ({ ...r, [k]: v })),
  anyJson,
);

/** One HTTP answer of the feed: a page, a broken envelope, or no JSON at all. */
const answer = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({ records: fc.array(record, { maxLength: 8 }), more: fc.boolean() })
      .map(({ records, more }) => ({
        status: 200,
        text: JSON.stringify({ records, moreRecordsAvailable: more }),
      })),
  },
  fc
    .record({ records: anyJson, moreRecordsAvailable: anyJson }, { requiredKeys: [] })
    .map((b) => ({ status: 200, text: JSON.stringify(b) })),
  anyJson.map((b) => ({ status: 200, text: JSON.stringify(b) ?? '' })),
  fc.string({ maxLength: 60 }).map((text) => ({ status: 200, text })),
  fc
    .array(record, { minLength: 1, maxLength: 4 })
    .map((r) => ({ status: 200, text: JSON.stringify({ records: r }).slice(0, -3) })),
  fc.record({ status: fc.integer({ min: 400, max: 599 }), text: fc.string({ maxLength: 30 }) }),
);
/** The token endpoint's answer: usually fine, sometimes broken. */
const tokenAnswer = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ status: 200, text: '{"accessToken":"t","expiresIn":3600}' }) },
  anyJson.map((b) => ({ status: 200, text: JSON.stringify(b) ?? '' })),
  fc.string({ maxLength: 20 }).map((text) => ({ status: 200, text })),
  fc.integer({ min: 400, max: 599 }).map((status) => ({ status, text: '' })),
);

// One registry for every case: each registry installs prom-client's default collectors (a GC
// observer among them), so one per case slows a 10,000-case run to a crawl.
const metrics = createIngestMetrics(createMetricsRegistry({ app: 'wair-ingest' }));

function setup(pages: Array<{ status: number; text: string }>, token: { status: number; text: string }) {
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = String(input);
    const a = url.includes('/Token') ? token : (pages.shift() ?? { status: 200, text: '{"records":[]}' });
    return new Response(a.text, { status: a.status, headers: { 'content-type': 'application/json' } });
  });
  const names = parseFieldNames('{}');
  const logger = createLogger({ app: 'wair-ingest', level: 'silent' });
  const pipeline = createIngestPipeline({
    app: 'wair-ingest',
    producer: createInMemoryProducer(),
    names,
    metrics,
    logger,
    skuPattern: '^[A-Z0-9]+(?:-[A-Z0-9]+)*$',
    locations: ['WEB01'],
    topics: { stock: 's', dispatches: 'd', skus: 'k', exceptions: 'e' },
    clock: () => NOW,
  });
  const client = createWairClient(testWairClientOptions({ names, logger }));
  let from: number | undefined;
  const cursors = {
    get: () => (from === undefined ? undefined : { fromModifiedDateTime: from }),
    save: async (_feed: string, f: number) => void (from = f),
  } as unknown as CursorStore;
  const results: IngestResult[] = [];
  const poller = createFeedPoller({
    feed: 'stock',
    path: '/api/v1/StockLevels',
    client,
    cursors,
    names,
    pageSize: 8,
    maxPageSize: 16,
    malformedRereads: 2,
    ingest: (raw, path, source) => {
      const r = pipeline.stock(raw, path, source);
      results.push(r);
      return r;
    },
    logger,
  });
  return { poller, results, cursor: () => from };
}

describe('feed poller + WAIR client under fuzzed pages', () => {
  afterEach(() => jest.restoreAllMocks());

  it('either reads the feed or fails with a WairApiError; every refused record names its field', async () => {
    let failures = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { maxLength: 5 }), tokenAnswer, async (pages, token) => {
        const { poller, results, cursor } = setup([...pages], token);
        let outcome: unknown;
        try {
          outcome = await poller.pollOnce();
        } catch (error) {
          outcome = error;
        }
        if (outcome instanceof Error) {
          failures += 1;
          expect(outcome).toBeInstanceOf(WairApiError);
          expect(outcome.message).toMatch(/^GET |token request/);
          expect(outcome.message).not.toMatch(/Cannot read properties|is not a function|Cannot convert/);
        } else {
          expect(typeof outcome).toBe('number');
        }
        for (const r of results) {
          expect(['PRODUCED', 'DUPLICATE', 'SKU_MISMATCH', 'INVALID']).toContain(r.outcome);
          if (r.outcome === 'INVALID') {
            expect(r.field).toBeTruthy();
            expect(r.message).toBeTruthy();
          }
        }
        const c = cursor();
        if (c !== undefined) expect(Number.isFinite(c)).toBe(true);
        jest.restoreAllMocks();
      }),
      {
        numRuns: RUNS,
        examples: [
          // Found by this test: a modifiedDateTime whose String() throws escaped as a TypeError.
          // Then a token answer of JSON `null` (found by the wair-client fuzz test) failed with an
          // engine TypeError as its message.
          [
            [{ status: 200, text: '{"records":[{"modifiedDateTime":{"toString":1}}]}' }],
            { status: 200, text: '{"accessToken":"t","expiresIn":3600}' },
          ],
          [[], { status: 200, text: 'null' }],
        ],
      },
    );
    await settle();
    // Both branches were exercised.
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(RUNS);
  }, 600_000);
});
