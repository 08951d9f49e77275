import { COMPATIBILITY, SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { uniqueName } from '../testing';

const url = process.env['SCHEMA_REGISTRY_URL'] ?? '';
const v1 = {
  type: 'record',
  name: 'Probe',
  namespace: 'com.wairsfcc.test',
  fields: [{ name: 'sku', type: 'string' }],
};
const compatible = {
  ...v1,
  fields: [...v1.fields, { name: 'colour', type: ['null', 'string'], default: null }],
};
const incompatible = { ...v1, fields: [...v1.fields, { name: 'size', type: 'string' }] };

async function setCompatibility(subject: string, level: string): Promise<number> {
  const res = await fetch(`${url}/config/${subject}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ compatibility: level }),
  });
  return res.status;
}

describe('schema registry (Apicurio ccompat) with @kafkajs/confluent-schema-registry', () => {
  const registry = new SchemaRegistry({ host: url });

  it('registers, encodes and decodes', async () => {
    const subject = `${uniqueName('probe')}-value`;
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify(v1) },
      { subject },
    );
    const bytes = await registry.encode(id, { sku: 'ABC-1' });
    expect(bytes[0]).toBe(0);
    expect(bytes.readInt32BE(1)).toBe(id);
    expect(await registry.decode(bytes)).toEqual({ sku: 'ABC-1' });
  });

  it('enforces BACKWARD_TRANSITIVE once set on the subject: compatible accepted, incompatible rejected', async () => {
    const subject = `${uniqueName('compat')}-value`;
    const opts = { subject, compatibility: COMPATIBILITY.BACKWARD_TRANSITIVE };
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(v1) }, opts);
    expect(await setCompatibility(subject, 'BACKWARD_TRANSITIVE')).toBeLessThan(300);

    const check = await fetch(`${url}/compatibility/subjects/${subject}/versions/latest`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: JSON.stringify(incompatible) }),
    });
    expect(await check.json()).toEqual(expect.objectContaining({ is_compatible: false }));

    await expect(
      registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(incompatible) }, opts),
    ).rejects.toMatchObject({ status: 409 });
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify(compatible) },
      opts,
    );
    expect(id).toBeGreaterThan(0);
  });
});
