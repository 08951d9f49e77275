import { Type } from 'avsc';
import { avroLogicalTypes } from './avro-logical-types';
import type { AvroField, AvroRecordSchema, AvroSchema } from './avro-schema';
import { schemas } from './schemas';

// House rules for contract schemas, checked for every .avsc so a new field cannot skip them.

function* walkFields(record: AvroRecordSchema, path = ''): Generator<[string, AvroField]> {
  for (const field of record.fields) {
    const fieldPath = `${path}${field.name}`;
    yield [fieldPath, field];
    yield* walkNested(field.type, `${fieldPath}.`);
  }
}

function* walkNested(schema: AvroSchema, path: string): Generator<[string, AvroField]> {
  for (const branch of Array.isArray(schema) ? schema : [schema]) {
    if (typeof branch !== 'object') continue;
    if (branch.type === 'record') yield* walkFields(branch, path);
    if (branch.type === 'array') yield* walkNested(branch.items, path);
    if (branch.type === 'map') yield* walkNested(branch.values, path);
  }
}

function* namedTypes(schema: AvroSchema): Generator<{ name: string; doc?: string }> {
  for (const branch of Array.isArray(schema) ? schema : [schema]) {
    if (typeof branch !== 'object') continue;
    if (branch.type === 'record') {
      yield branch;
      for (const field of branch.fields) yield* namedTypes(field.type);
    }
    if (branch.type === 'enum') yield branch;
    if (branch.type === 'array') yield* namedTypes(branch.items);
    if (branch.type === 'map') yield* namedTypes(branch.values);
  }
}

const PERSONAL_DATA = /name$|^name|email|e-mail|phone|address|street|postcode|zip|city|birth/i;
const TIME_FIELD = /At$|^asOf$|^firstSeen$|^lastSeen$|^resetDate$|^sourceAsOf$/;

describe.each(Object.entries(schemas))('%s schema', (topic, schema) => {
  it('parses with avsc and the contract logical types', () => {
    expect(() =>
      Type.forSchema(schema, { logicalTypes: avroLogicalTypes, assertLogicalTypes: true }),
    ).not.toThrow();
  });

  it('is a versioned, namespaced record matching the topic version', () => {
    expect(schema.namespace).toMatch(/^com\.wairsfcc\.[a-z]+\.v1$/);
    expect(topic).toMatch(/\.v1$/);
  });

  it('documents every named type and field', () => {
    for (const named of namedTypes(schema)) expect(named.doc).toEqual(expect.any(String));
    for (const [path, field] of walkFields(schema))
      expect({ path, doc: field.doc }).toEqual({ path, doc: expect.any(String) });
  });

  it('writes nullable fields as ["null", T] with default null', () => {
    for (const [path, field] of walkFields(schema)) {
      if (Array.isArray(field.type)) {
        expect({ path, type: field.type.length, first: field.type[0], default: field.default }).toEqual({
          path,
          type: 2,
          first: 'null',
          default: null,
        });
      }
    }
  });

  it('uses timestamp-millis for every time', () => {
    for (const [path, field] of walkFields(schema)) {
      if (TIME_FIELD.test(field.name)) {
        const branches = Array.isArray(field.type) ? field.type : [field.type];
        const timestamp = branches.find((b) => typeof b === 'object' && 'logicalType' in b);
        expect({ path, timestamp }).toEqual({
          path,
          timestamp: { type: 'long', logicalType: 'timestamp-millis' },
        });
      }
    }
  });

  it('carries no personal data', () => {
    const offending = [...walkFields(schema)]
      .map(([path]) => path)
      .filter((path) => PERSONAL_DATA.test(path.split('.').pop() ?? ''));
    expect(offending).toEqual([]);
  });
});
