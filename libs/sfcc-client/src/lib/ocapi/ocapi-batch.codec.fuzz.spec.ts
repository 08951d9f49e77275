import fc from 'fast-check';
import { parseBatchResponse } from './ocapi-batch.codec';
import { parseOcapiFault } from './ocapi-fault';

// Case count: modest in `npm test`, 10,000 in the full fuzz run (`npm run fuzz`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);

/**
 * No unhandled rejection: Jest 30 (jest-circus) fails the running test on one, so each async test
 * ends with a timer turn in which a late rejection still lands inside it.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

const anyJson = fc.jsonValue({ maxDepth: 3 });
const headerName = fc.oneof(
  fc.constantFrom('x-dw-content-id', 'x-dw-status-code', 'content-type', 'retry-after', 'X-DW-Status-Code'),
  fc.string({ maxLength: 15 }),
);
/** A header line: well formed, garbage, or missing its colon. */
const headerLine = fc.oneof(
  fc.tuple(headerName, fc.string({ maxLength: 20 })).map(([k, v]) => `${k}: ${v}`),
  fc.string({ maxLength: 30 }),
);
const partBody = fc.oneof(
  anyJson.map((v) => JSON.stringify(v)),
  anyJson.map((v) => JSON.stringify(v).slice(0, -1)),
  fc.string({ maxLength: 50 }),
  fc.constant(`{"fault":{"type":"X","message":"${'m'.repeat(10_000)}"}}`),
);
const part = fc
  .record({
    headers: fc.array(headerLine, { maxLength: 5 }),
    body: partBody,
    eol: fc.constantFrom('\r\n', '\n'),
  })
  .map(({ headers, body, eol }) => headers.join(eol) + eol + eol + body + eol);

/** A multipart body with every oddity: wrong boundary, missing end, no parts, preamble, truncation. */
const multipart = fc
  .record({
    boundary: fc.constantFrom('b', 'resp-b', 'a"b', ''),
    used: fc.constantFrom('same', 'other', 'none'),
    parts: fc.array(part, { maxLength: 6 }),
    preamble: fc.string({ maxLength: 20 }),
    close: fc.boolean(),
    cut: fc.option(fc.nat(500), { nil: undefined }),
  })
  .map(({ boundary, used, parts, preamble, close, cut }) => {
    const b = used === 'same' ? boundary : used === 'other' ? 'zzz' : '';
    let text = preamble + parts.map((p) => `--${b}\r\n${p}`).join('') + (close ? `--${b}--\r\n` : '');
    if (cut !== undefined) text = text.slice(0, cut);
    return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.from(text) };
  });
const contentType = fc.oneof(
  fc.constantFrom('application/json', 'multipart/mixed', 'multipart/mixed; boundary=', 'text/html', ''),
  fc.string({ maxLength: 40 }),
);
const input = fc.oneof(
  { weight: 3, arbitrary: multipart },
  fc.record({ contentType, body: fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)) }),
);

describe('OCAPI batch codec and fault parsing under fuzzed responses', () => {
  it('parseBatchResponse returns well-typed parts or rejects with an explained Error', async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ contentType: ct, body }) => {
        let parts;
        try {
          parts = await parseBatchResponse(ct, body);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(/multipart|boundary/);
          return;
        }
        expect(Array.isArray(parts)).toBe(true);
        for (const p of parts) {
          expect(typeof p.contentId).toBe('string');
          expect(typeof p.status).toBe('number');
          expect(typeof p.headers).toBe('object');
        }
      }),
      { numRuns: RUNS },
    );
    await settle();
  }, 600_000);

  it('parseOcapiFault never throws and returns a typed fault or undefined', () => {
    const doc = fc.oneof(
      anyJson,
      fc.record({ fault: anyJson }),
      fc.record({
        fault: fc.record({ type: anyJson, message: anyJson, arguments: anyJson }, { requiredKeys: [] }),
      }),
    );
    const body = fc.oneof(
      doc,
      doc.map((d) => JSON.stringify(d)),
      doc.map((d) => Buffer.from(JSON.stringify(d).slice(0, -1))),
      fc.uint8Array({ maxLength: 100 }).map((b) => Buffer.from(b)),
    );
    fc.assert(
      fc.property(body, (b) => {
        const fault = parseOcapiFault(b);
        if (fault === undefined) return;
        expect(typeof fault.type).toBe('string');
        if (fault.message !== undefined) expect(typeof fault.message).toBe('string');
        if (fault.arguments !== undefined) expect(typeof fault.arguments).toBe('object');
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
