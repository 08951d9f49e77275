import type { IncomingRecord } from '@wair-sfcc/kafka';
import { createStockRecordValidator } from './stock-record.validator';
import { figure } from './testing/pipeline-harness';

const validate = createStockRecordValidator(new Set(['DC01', 'WEB01']));
const rec = (value: unknown, key = 'A'): IncomingRecord =>
  ({
    topic: 'wair.stock.v1',
    partition: 0,
    offset: '0',
    key,
    value,
    headers: {},
    timestamp: 0,
  }) as IncomingRecord;

describe('stock record validator', () => {
  it('accepts a sound record', () => {
    expect(validate(rec(figure('A', 1, { DC01: 3, WEB01: 0 })))).toBeUndefined();
  });

  it.each([
    ['negative available', figure('A', 1, { DC01: -1 }), 'A', /location DC01: available -1 is negative/],
    ['unknown location', figure('A', 1, { XX9: 2 }), 'A', /unknown WAIR location\(s\) XX9/],
    ['key differs from sku', figure('A', 1, { DC01: 1 }), 'B', /key "B" differs from sku "A"/],
  ])('parks %s with the reason', (_name, value, key, reason) => {
    expect(validate(rec(value, key))).toMatch(reason);
    expect(validate(rec(value, key))).toMatch(/^sku A: /);
  });
});
