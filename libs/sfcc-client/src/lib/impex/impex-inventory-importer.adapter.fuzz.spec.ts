import fc from 'fast-check';
import type { InventoryRecordWrite } from '../inventory-writer.port';
import type { OcapiHttpClient, OcapiRequest, OcapiResponse } from '../ocapi/ocapi-http.client';
import { SfccHttpError } from '../sfcc-errors';
import { createImpexInventoryImporter } from './impex-inventory-importer.adapter';
import {
  isExecutionOk,
  isFileRejected,
  recordErrorsOf,
  type JobExecutionDoc,
} from './impex-execution.mapping';

// Case count: modest in `npm test`, 10,000 in the full fuzz run (`npm run fuzz`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);

/**
 * No unhandled rejection: Jest 30 (jest-circus) fails the running test on one, so each async test
 * ends with a timer turn in which a late rejection still lands inside it.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/** The text of an engine error leaking out instead of an explained one. */
const ENGINE_ERROR = /Cannot read properties|is not a function|is not iterable|Cannot convert/;

const anyJson = fc.jsonValue({ maxDepth: 3 });
const recordError = fc.oneof(
  fc.record(
    { product_id: fc.constantFrom('P0', 'P1', 'P9'), message: fc.oneof(fc.string(), anyJson) },
    { requiredKeys: [] },
  ),
  fc.record({ code: fc.oneof(fc.constantFrom('SCHEMA_ERROR', 'OTHER'), anyJson) }),
  anyJson,
);
const execution = fc.record(
  {
    id: fc.oneof(fc.constant('e1'), anyJson),
    execution_status: fc.oneof(fc.constantFrom('finished', 'aborted', 'running', 'pending'), anyJson),
    exit_status: fc.oneof(
      fc.record(
        {
          code: fc.oneof(fc.constantFrom('OK', 'ERROR'), anyJson),
          status: fc.oneof(fc.constantFrom('ok', 'error', 'OK'), anyJson),
          message: fc.oneof(fc.string(), anyJson),
          details: fc.oneof(fc.array(recordError, { maxLength: 3 }), anyJson),
          record_errors: fc.oneof(fc.array(recordError, { maxLength: 3 }), anyJson),
        },
        { requiredKeys: [] },
      ),
      anyJson,
    ),
    record_errors: fc.oneof(fc.array(recordError, { maxLength: 3 }), anyJson),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { weight: 4, arbitrary: execution.map((e) => JSON.stringify(e)) },
  execution.map((e) => JSON.stringify(e).slice(0, -2)),
  anyJson.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 30 }),
  fc.constant(JSON.stringify({ fault: { type: 'JobAlreadyRunningException', message: 'busy' } })),
);
const answer = fc
  .record({
    status: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(200, 201, 204) },
      fc.constantFrom(400, 404, 409),
    ),
    body,
  })
  .map(({ status, body: b }): OcapiResponse => ({ status, headers: new Headers(), body: Buffer.from(b) }));
/** Some requests fail below the adapter (transport, breaker) with a typed error. */
const step = fc.oneof(
  { weight: 9, arbitrary: answer },
  fc.boolean().map((retriable) => new SfccHttpError('POST x answered 503', { retriable, status: 503 })),
);

const write = (productId: string): InventoryRecordWrite => ({
  inventoryListId: 'inv',
  productId,
  allocation: 2,
  resetDate: 0,
});

describe('IMPEX importer under fuzzed job-execution responses', () => {
  it('gives every record a result, and every non-OK result an explained message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (given) => {
        const steps = [...given];
        let clock = 0;
        const http: OcapiHttpClient = {
          request: async (_req: OcapiRequest) => {
            const next = steps.shift() ?? {
              status: 200,
              headers: new Headers(),
              body: Buffer.from('{"execution_status":"finished","exit_status":{"status":"ok"}}'),
            };
            if (next instanceof Error) throw next;
            return next;
          },
        };
        const importer = createImpexInventoryImporter({
          http,
          pollIntervalMs: 1000,
          timeoutMs: 20_000,
          now: () => clock,
          sleep: async (ms) => void (clock += ms),
        });
        const records = ['P0', 'P1', 'P2'].map(write);
        const results = await importer.importList('inv', records);
        expect(results).toHaveLength(records.length);
        for (const r of results) {
          expect(['OK', 'REJECTED', 'FAILED']).toContain(r.status);
          if (r.status !== 'OK') {
            expect(r.message).toBeTruthy();
            expect(r.message).not.toMatch(ENGINE_ERROR);
          }
        }
      }),
      {
        numRuns: RUNS,
        examples: [
          // Found by this test: `null`, a non-string exit status or an empty record-error message
          // gave results whose message was an engine TypeError or empty.
          [
            [
              { status: 201, headers: new Headers(), body: Buffer.from('') },
              { status: 200, headers: new Headers(), body: Buffer.from('null') },
            ],
          ],
          [
            [
              { status: 201, headers: new Headers(), body: Buffer.from('') },
              {
                status: 200,
                headers: new Headers(),
                body: Buffer.from('{"execution_status":"finished","exit_status":{"status":1}}'),
              },
            ],
          ],
          [
            [
              { status: 201, headers: new Headers(), body: Buffer.from('{}') },
              {
                status: 200,
                headers: new Headers(),
                body: Buffer.from(
                  '{"execution_status":"finished","record_errors":[{"product_id":"P0","message":""}]}',
                ),
              },
            ],
          ],
        ],
      },
    );
    await settle();
  }, 600_000);

  it('the execution mapping never throws on any execution document', () => {
    fc.assert(
      fc.property(fc.oneof(execution, fc.dictionary(fc.string(), anyJson)), (doc) => {
        const d = doc as JobExecutionDoc;
        expect(typeof isExecutionOk(d)).toBe('boolean');
        expect(typeof isFileRejected(d)).toBe('boolean');
        for (const e of recordErrorsOf(d)) {
          expect(typeof e.productId).toBe('string');
          expect(e.message).toBeTruthy();
        }
      }),
      // Objects whose `toString` is not a function once made String() throw (found in CI).
      {
        numRuns: RUNS * 4,
        examples: [
          [{ exit_status: { details: [{ code: { toString: 1 } }] } }],
          [{ id: { toString: 'x' }, execution_status: { toString: [] } }],
        ],
      },
    );
  });
});
