import { schemas, TOPICS, valueSubjectName } from '../src';
import { runContractsCli } from './contracts-commands';
import { checkSubjectCompatibility } from './schema-registry-client';

describe('contracts:register and contracts:check against the real registry', () => {
  const env = { SCHEMA_REGISTRY_URL: process.env['SCHEMA_REGISTRY_URL'] };
  const run = async (command: string) => {
    const out: string[] = [];
    const code = await runContractsCli([command], { env, out: (t) => out.push(t), err: (t) => out.push(t) });
    return { code, text: out.join('\n') };
  };

  it('registers every subject, then finds the local schemas compatible', async () => {
    const registered = await run('register');
    expect(registered.code).toBe(0);
    const checked = await run('check');
    expect(checked.code).toBe(0);
    expect(checked.text).toContain(valueSubjectName(TOPICS.wairStock));
  });

  it('reports a new field without a default as incompatible (BACKWARD_TRANSITIVE)', async () => {
    await run('register');
    const stock = schemas[TOPICS.wairStock] as { fields: unknown[] };
    const broken = { ...stock, fields: [...stock.fields, { name: 'warehouseZone', type: 'string' }] };
    const result = await checkSubjectCompatibility(
      { baseUrl: env.SCHEMA_REGISTRY_URL ?? '' },
      valueSubjectName(TOPICS.wairStock),
      JSON.stringify(broken),
    );
    expect(result.status).toBe('incompatible');
  });
});
