import { Type } from 'avsc';
import { avroLogicalTypes } from './avro-logical-types';
import { contractSamples } from './contract-samples';
import { schemas } from './schemas';
import { TOPICS } from './topic-catalogue';

describe.each(Object.values(TOPICS))('contract sample of %s', (topic) => {
  const type = Type.forSchema(schemas[topic], { logicalTypes: avroLogicalTypes });
  const sample = contractSamples[topic];

  it('is valid for its schema', () => {
    const errors: string[] = [];
    type.isValid(sample.value, { errorHook: (path) => errors.push(path.join('.')) });
    expect(errors).toEqual([]);
  });

  it('round-trips through Avro binary unchanged', () => {
    expect(type.fromBuffer(type.toBuffer(sample.value))).toEqual(sample.value);
  });

  it('has the key the value identifies itself by', () => {
    const firstField = schemas[topic].fields[0]?.name ?? '';
    expect((sample.value as unknown as Record<string, unknown>)[firstField]).toBe(sample.key);
  });
});
