import type { AvroRecordSchema } from './avro-schema';
import { checkBackwardCompatibility } from './backward-compatibility';
import { schemas } from './schemas';

const v1: AvroRecordSchema = {
  type: 'record',
  name: 'Thing',
  namespace: 'com.example.v1',
  doc: 'test',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'count', type: 'int' },
    { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'] } },
    { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
  ],
};

function withFields(
  base: AvroRecordSchema,
  change: (fields: AvroRecordSchema['fields']) => AvroRecordSchema['fields'],
) {
  return { ...base, fields: change(structuredClone(base.fields)) };
}

describe('checkBackwardCompatibility', () => {
  it('accepts every current contract against itself', () => {
    for (const schema of Object.values(schemas)) {
      expect(checkBackwardCompatibility(schema, [schema])).toEqual({ compatible: true, reasons: [] });
    }
  });

  it('accepts a new field with a default', () => {
    const v2 = withFields(v1, (fields) => [
      ...fields,
      { name: 'note', type: ['null', 'string'], default: null },
    ]);
    expect(checkBackwardCompatibility(v2, [v1])).toEqual({ compatible: true, reasons: [] });
  });

  it('accepts a new enum symbol and a removed field', () => {
    const v2 = withFields(v1, (fields) =>
      fields
        .filter((field) => field.name !== 'count')
        .map((field) =>
          field.name === 'kind'
            ? { ...field, type: { type: 'enum', name: 'Kind', symbols: ['A', 'B', 'C'] } }
            : field,
        ),
    );
    expect(checkBackwardCompatibility(v2, [v1]).compatible).toBe(true);
  });

  it('catches a new field without a default and names it', () => {
    const v2 = withFields(v1, (fields) => [...fields, { name: 'colour', type: 'string' }]);
    const result = checkBackwardCompatibility(v2, [v1]);
    expect(result.compatible).toBe(false);
    expect(result.reasons).toEqual([
      'against version 1: colour: new field has no default, so records written before it cannot be read',
    ]);
  });

  it('catches a changed field type', () => {
    const v2 = withFields(v1, (fields) =>
      fields.map((f) => (f.name === 'count' ? { ...f, type: 'string' } : f)),
    );
    const result = checkBackwardCompatibility(v2, [v1]);
    expect(result.compatible).toBe(false);
    expect(result.reasons).toEqual(['against version 1: count: int cannot be read as string']);
  });

  it('allows type promotions Avro defines (int to long)', () => {
    const v2 = withFields(v1, (fields) =>
      fields.map((f) => (f.name === 'count' ? { ...f, type: 'long' } : f)),
    );
    expect(checkBackwardCompatibility(v2, [v1]).compatible).toBe(true);
  });

  it('catches a removed enum symbol', () => {
    const v2 = withFields(v1, (fields) =>
      fields.map((f) =>
        f.name === 'kind' ? { ...f, type: { type: 'enum', name: 'Kind', symbols: ['A'] } } : f,
      ),
    );
    expect(checkBackwardCompatibility(v2, [v1]).reasons).toEqual([
      'against version 1: kind: enum symbols B were removed and the enum has no default',
    ]);
  });

  it('catches a decimal scale change, which would shift every value', () => {
    const v2 = withFields(v1, (fields) =>
      fields.map((f) =>
        f.name === 'price'
          ? { ...f, type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 3 } }
          : f,
      ),
    );
    expect(checkBackwardCompatibility(v2, [v1]).reasons).toEqual([
      'against version 1: price: decimal(10,2) cannot be read as decimal(10,3)',
    ]);
  });

  it('checks every previous version, not only the latest (transitive)', () => {
    const v2 = withFields(v1, (fields) => [...fields, { name: 'colour', type: 'string', default: 'none' }]);
    const v3 = withFields(v1, (fields) => [...fields, { name: 'colour', type: 'string' }]);
    const result = checkBackwardCompatibility(v3, [v1, v2]);
    expect(result.compatible).toBe(false);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatch(/^against version 1: colour/);
  });

  it('names fields inside nested records and arrays', () => {
    const nested = (lineFields: AvroRecordSchema['fields']): AvroRecordSchema => ({
      type: 'record',
      name: 'Order',
      fields: [
        {
          name: 'lines',
          type: { type: 'array', items: { type: 'record', name: 'Line', fields: lineFields } },
        },
      ],
    });
    const result = checkBackwardCompatibility(
      nested([
        { name: 'sku', type: 'string' },
        { name: 'qty', type: 'int' },
      ]),
      [nested([{ name: 'sku', type: 'string' }])],
    );
    expect(result.reasons).toEqual([
      'against version 1: lines[].qty: new field has no default, so records written before it cannot be read',
    ]);
  });

  it('accepts schemas as JSON text, as a registry returns them', () => {
    expect(checkBackwardCompatibility(JSON.stringify(v1), [JSON.stringify(v1)]).compatible).toBe(true);
  });

  it('reports an invalid new schema instead of throwing', () => {
    const result = checkBackwardCompatibility(
      { type: 'record', name: 'X', fields: [{ name: 'a', type: 'nope' }] },
      [],
    );
    expect(result.compatible).toBe(false);
    expect(result.reasons[0]).toMatch(/^new schema is not valid Avro/);
  });
});
