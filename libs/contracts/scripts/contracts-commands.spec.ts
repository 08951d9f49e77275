import { contractSubjects, runContractsCli } from './contracts-commands';
import { REGISTRY_CONTENT_TYPE } from './schema-registry-client';

const BASE = 'http://registry.test/apis/ccompat/v7';

interface Recorded {
  method: string;
  url: string;
  contentType: string | undefined;
  body: unknown;
}

function fakeRegistry(answer: (method: string, url: string) => { status: number; body: unknown }) {
  const calls: Recorded[] = [];
  const fetchFn = jest.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({
      method,
      url,
      contentType: headers['content-type'],
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const { status, body } = answer(method, url);
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  });
  return { calls, fetch: fetchFn as unknown as typeof fetch };
}

function run(
  argv: string[],
  registry: ReturnType<typeof fakeRegistry>,
  env: Record<string, string> = { SCHEMA_REGISTRY_URL: BASE },
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runContractsCli(argv, {
    env,
    fetch: registry.fetch,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return code.then((exitCode) => ({ exitCode, out: out.join('\n'), err: err.join('\n') }));
}

const subjects = contractSubjects();

// A registry that knows no subject yet unless `registered` names its versions' schemas.
function registryAnswering(
  compatibility: (url: string) => { status: number; body: unknown },
  registered: Record<string, string[]> = {},
) {
  return fakeRegistry((method, url) => {
    const subject = decodeURIComponent(url.slice(BASE.length).split('/')[2] ?? '');
    if (method === 'POST') {
      return compatibility(url);
    }
    const versions = registered[subject];
    if (!versions) {
      return { status: 404, body: { error_code: 40401 } };
    }
    const version = /\/versions\/(\d+)$/.exec(url)?.[1];
    return version
      ? {
          status: 200,
          body: { subject, version: Number(version), id: 1, schema: versions[Number(version) - 1] },
        }
      : { status: 200, body: versions.map((_, index) => index + 1) };
  });
}

describe('contracts check', () => {
  it('posts every value subject to the compatibility endpoint and passes when all are compatible or new', async () => {
    const registry = registryAnswering((url) =>
      url.includes('wair.stock.v1-value')
        ? { status: 404, body: { error_code: 40401 } }
        : { status: 200, body: { is_compatible: true } },
    );
    const result = await run(['check'], registry);
    expect(result.exitCode).toBe(0);
    const posts = registry.calls.filter((call) => call.method === 'POST');
    expect(posts).toHaveLength(subjects.length);
    expect(posts[0]).toEqual({
      method: 'POST',
      url: `${BASE}/compatibility/subjects/${subjects[0]?.subject}/versions/latest`,
      contentType: REGISTRY_CONTENT_TYPE,
      body: { schema: subjects[0]?.schema, schemaType: 'AVRO' },
    });
    expect(result.out).toMatch(/wair\.stock\.v1-value\s+new-subject\s+compatible/);
  });

  it('exits 1 and names the subject when the registry finds it incompatible', async () => {
    const registry = registryAnswering((url) =>
      url.includes('sfcc.orders.v1-value')
        ? { status: 200, body: { is_compatible: false, messages: ['field lines changed'] } }
        : { status: 200, body: { is_compatible: true } },
    );
    const result = await run(['check'], registry);
    expect(result.exitCode).toBe(1);
    expect(result.out).toMatch(/sfcc\.orders\.v1-value\s+incompatible\s+compatible\s+field lines changed/);
    expect(result.err).toMatch(/sfcc\.orders\.v1-value/);
  });

  it('also checks locally against every registered version, catching what the registry misses', async () => {
    const orders = subjects.find((s) => s.subject === 'sfcc.orders.v1-value');
    const otherScale = (orders?.schema ?? '').replace('"scale":2', '"scale":3');
    const registry = registryAnswering(() => ({ status: 200, body: { is_compatible: true } }), {
      'sfcc.orders.v1-value': [otherScale],
    });
    const result = await run(['check'], registry);
    expect(result.exitCode).toBe(1);
    expect(result.out).toMatch(
      /sfcc\.orders\.v1-value\s+compatible\s+incompatible\s+against version 1: orderTotal/,
    );
  });

  it('passes when the registered versions are the current schemas', async () => {
    const registered = Object.fromEntries(subjects.map((s) => [s.subject, [s.schema]]));
    const registry = registryAnswering(() => ({ status: 200, body: { is_compatible: true } }), registered);
    expect((await run(['check'], registry)).exitCode).toBe(0);
  });

  it('exits 1 with the registry answer on a server error', async () => {
    const result = await run(
      ['check'],
      fakeRegistry(() => ({ status: 500, body: { message: 'boom' } })),
    );
    expect(result.exitCode).toBe(1);
    expect(result.err).toMatch(/answered 500/);
  });

  it('exits 2 with usage when the registry URL or command is missing', async () => {
    const registry = fakeRegistry(() => ({ status: 200, body: {} }));
    expect((await run(['check'], registry, {})).exitCode).toBe(2);
    expect((await run(['nonsense'], registry)).exitCode).toBe(2);
    expect(registry.calls).toEqual([]);
  });
});

describe('contracts register', () => {
  it('sets BACKWARD_TRANSITIVE on each subject before registering its schema', async () => {
    let id = 0;
    const registry = fakeRegistry((method) =>
      method === 'PUT'
        ? { status: 200, body: { compatibility: 'BACKWARD_TRANSITIVE' } }
        : { status: 200, body: { id: ++id } },
    );
    const result = await run(['register'], registry);
    expect(result.exitCode).toBe(0);
    expect(registry.calls.slice(0, 2)).toEqual([
      {
        method: 'PUT',
        url: `${BASE}/config/${subjects[0]?.subject}`,
        contentType: REGISTRY_CONTENT_TYPE,
        body: { compatibility: 'BACKWARD_TRANSITIVE' },
      },
      {
        method: 'POST',
        url: `${BASE}/subjects/${subjects[0]?.subject}/versions`,
        contentType: REGISTRY_CONTENT_TYPE,
        body: { schema: subjects[0]?.schema, schemaType: 'AVRO' },
      },
    ]);
    expect(registry.calls).toHaveLength(subjects.length * 2);
  });

  it('fails on a 409 (incompatible registration)', async () => {
    const registry = fakeRegistry((method) =>
      method === 'PUT' ? { status: 200, body: {} } : { status: 409, body: { error_code: 409 } },
    );
    const result = await run(['register'], registry);
    expect(result.exitCode).toBe(1);
    expect(result.err).toMatch(/answered 409/);
  });
});
