import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DlqKafka } from './dlq-kafka.adapter';
import { exceptionRow, skuView } from './ops-test-data';
import { runOps } from './run-ops';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

type Route = (seen: Seen) => { status: number; json?: unknown };

// A stub of the auditor and writer HTTP APIs on a free loopback port.
function stubServer(routes: Record<string, Route>) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const s: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body,
      };
      seen.push(s);
      const route = routes[`${s.method} ${s.url.split('?')[0]}`];
      const answer = route ? route(s) : { status: 404, json: { error: 'no route' } };
      res
        .writeHead(answer.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(answer.json ?? {}));
    });
  });
  return {
    seen,
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function run(argv: string[], env: NodeJS.ProcessEnv, dlq?: DlqKafka) {
  let out = '';
  let err = '';
  const progress: number[] = [];
  const code = await runOps(argv, {
    env,
    io: {
      out: (t) => (out += t),
      err: (t) => (err += t),
      progress: (total) => ({ update: (done) => progress.push(done / total), stop: () => undefined }),
    },
    dlq: dlq ? () => dlq : undefined,
  });
  return { code, out, err, progress };
}

describe('ops CLI commands', () => {
  const stub = stubServer({
    'GET /api/sku/ABC-1': () => ({ status: 200, json: skuView }),
    'GET /api/order/O-404': () => ({ status: 404, json: { error: 'no order O-404' } }),
    'GET /api/order/O-1': () => ({
      status: 200,
      json: {
        orderNo: 'O-1',
        order: null,
        events: [{ at: 0, kind: 'DISPATCHED', detail: 'D-1' }],
        exceptions: [],
      },
    }),
    'GET /api/exceptions': () => ({
      status: 200,
      json: { total: 1, offset: 0, limit: 500, exceptions: [exceptionRow()] },
    }),
    'POST /admin/full-refresh': (s) => {
      if (s.authorization !== 'Bearer admin-token-0123456789')
        return { status: 401, json: { status: 'error', message: 'missing or invalid bearer token' } };
      const body = JSON.parse(s.body) as { skus?: string[] };
      return { status: 202, json: { status: 'started', force: !body.skus, skus: body.skus?.length ?? null } };
    },
  });
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const base = await stub.start();
    env = {
      AUDITOR_URL: base,
      AUDITOR_TOKEN: 'auditor-token-0123456789',
      WRITER_URL: base,
      ADMIN_TOKEN: 'admin-token-0123456789',
    };
  });
  afterAll(() => stub.stop());
  beforeEach(() => (stub.seen.length = 0));

  it('looks a SKU up with the auditor token and prints tables', async () => {
    const r = await run(['sku', 'ABC-1'], env);
    expect(r.code).toBe(0);
    expect(stub.seen[0]).toMatchObject({
      method: 'GET',
      url: '/api/sku/ABC-1',
      authorization: 'Bearer auditor-token-0123456789',
    });
    expect(r.out).toContain('SKU ABC-1 — NOT sellable in SFCC');
    expect(r.out).toMatch(/WEB01\s+12\s+2\s+10/);
  });

  it('prints raw JSON with --json', async () => {
    const r = await run(['sku', 'ABC-1', '--json'], env);
    expect(JSON.parse(r.out)).toEqual(skuView);
  });

  it('prints an order timeline, and exits 3 for an unknown order', async () => {
    expect((await run(['order', 'O-1'], env)).out).toMatch(/DISPATCHED\s+D-1/);
    const missing = await run(['order', 'O-404'], env);
    expect(missing).toMatchObject({ code: 3, out: '' });
    expect(missing.err).toContain('order O-404 is not known to the auditor');
  });

  it('passes exception filters as query parameters', async () => {
    const r = await run(['exceptions', '--owner', 'MERCH', '--type', 'SKU_MISMATCH', '--limit', '20'], env);
    expect(stub.seen[0]?.url).toBe('/api/exceptions?owner=MERCH&type=SKU_MISMATCH&limit=20');
    expect(r.out).toContain('1 exception(s)');
  });

  it('asks the writer for a resync of SKUs or a forced full refresh', async () => {
    const some = await run(['resync', 'A', 'B'], env);
    expect(JSON.parse(stub.seen[0]?.body ?? '')).toEqual({ skus: ['A', 'B'], force: true });
    expect(some.out).toContain('Resync of 2 SKU(s) started: A, B');
    const all = await run(['resync', '--all'], env);
    expect(JSON.parse(stub.seen[1]?.body ?? '')).toEqual({ force: true });
    expect(all.out).toContain('Full refresh of every SKU started');
  });

  it('reports a refused token with the service message and a hint', async () => {
    const r = await run(['resync', 'A'], { ...env, ADMIN_TOKEN: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('answered 401: missing or invalid bearer token (check the bearer token');
    expect(r.err).not.toContain('wrong');
  });

  it('names missing settings and misuse', async () => {
    expect((await run(['resync', 'A'], { WRITER_URL: env['WRITER_URL'] })).err).toContain(
      'resync needs ADMIN_TOKEN',
    );
    expect((await run(['sku', 'A'], { AUDITOR_URL: 'not a url' })).err).toContain(
      'AUDITOR_URL / --auditor-url must be an http(s) URL',
    );
    expect((await run(['dlq', 'list'], {})).err).toContain('dlq needs KAFKA_BROKERS');
    const usage = await run(['frobnicate'], env);
    expect(usage.code).toBe(64);
    expect(usage.err).toContain('unknown command "frobnicate"');
    expect(usage.err).toContain('Usage: npm run ops');
  });

  it('lists DLQ topics and replays one with progress', async () => {
    const dlq: DlqKafka = {
      list: async () => [{ topic: 'wair.stock.v1.dlq', partitions: 3, records: 4 }],
      replay: async (_topic, options) => {
        options?.onStart?.(4);
        options?.onProgress?.(2);
        options?.onProgress?.(4);
        return { total: 4, replayed: 3, skipped: 1, bySource: { 'wair.stock.v1': 3 } };
      },
      close: async () => undefined,
    };
    const list = await run(['dlq', 'list'], {}, dlq);
    expect(list.out).toMatch(/wair\.stock\.v1\.dlq\s+3\s+4/);
    const replay = await run(['dlq', 'replay', 'wair.stock.v1.dlq'], {}, dlq);
    expect(replay.progress).toEqual([0.5, 1]);
    expect(replay.code).toBe(2);
    expect(replay.out).toContain('replayed 3 of 4 record(s) from wair.stock.v1.dlq; 1 left on the DLQ');
  });
});
