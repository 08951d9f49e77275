// `npm run bench:writer`: pushes a burst of WAIR stock changes through the writer's pipeline
// (allocation, coalescing queue, priorities, write workers) into the real sfcc-simulator, started
// here as a child process, through the real sfcc-client (Account Manager token, OCAPI batch,
// adaptive rate limiter). Kafka is left out: the figures are handed to the pipeline as its
// consumer would, so the numbers describe the writer and SFCC, not the broker.
//
// Settings (env): BENCH_CHANGES (20000), BENCH_SKUS (2000), BENCH_RATE (20 req/s, applied to both
// the simulator's leaky bucket and the writer's limiter), BENCH_CONCURRENCY (2), BENCH_BATCH (50),
// BENCH_STOCKOUT_SHARE (0.05).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createSfccInventoryClients } from '@wair-sfcc/sfcc-client';
import type { InventorySync } from '@wair-sfcc/contracts';
import { createPipelineHarness, figure } from '../src/app/testing/pipeline-harness';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const CHANGES = num('BENCH_CHANGES', 20_000);
const SKUS = num('BENCH_SKUS', 2_000);
const RATE = num('BENCH_RATE', 20);
const CONCURRENCY = num('BENCH_CONCURRENCY', 2);
const BATCH = num('BENCH_BATCH', 50);
const STOCKOUT_SHARE = num('BENCH_STOCKOUT_SHARE', 0.05);
const out = (line: string) => process.stdout.write(`${line}\n`);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(
  what: string,
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await Promise.resolve()
      .then(probe)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

async function main(): Promise<void> {
  const port = await freePort();
  const host = `http://127.0.0.1:${port}`;
  const sim = spawn(process.execPath, [require.resolve('tsx/cli'), 'apps/sfcc-simulator/src/main.ts'], {
    env: {
      ...process.env,
      OPS_PORT: String(port),
      OPS_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SIM_ORDERS_PER_MINUTE: '0',
      SIM_RATE_LIMIT_PER_SECOND: String(RATE),
      SIM_INVENTORY_LISTS: 'inventory_webshop',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await until('the sfcc-simulator', async () => (await fetch(`${host}/livez`)).ok, 60_000);
    const sfcc = createSfccInventoryClients({
      host,
      amHost: host,
      clientId: 'sim-client',
      clientSecret: 'sim-client-secret',
      maxPartsPerBatch: BATCH,
      resilience: { rateLimit: { ratePerSecond: RATE, concurrency: CONCURRENCY } },
    });
    let calls = 0;
    const skus = Array.from({ length: SKUS }, (_, i) => `BENCH-${String(i).padStart(6, '0')}`);
    const h = createPipelineHarness({
      lists: 'inventory_webshop:WEB01+DC01',
      skus,
      batchSize: BATCH,
      concurrency: CONCURRENCY,
      realTime: true,
      writer: { write: (records) => ((calls += 1), sfcc.writer.write(records)) },
    });
    // Seed every SKU with stock first, so later drops to zero are stock-outs (class 0).
    h.workers.start();
    const seedStart = Date.now();
    for (const [i, sku] of skus.entries()) await h.feed(figure(sku, Date.now() - seedStart, { DC01: 10 }, i));
    await h.drain(600_000);
    h.producer.records.length = 0;
    calls = 0;

    out(
      `sfcc-inventory-writer bench — SFCC: real sfcc-simulator (${host}), rate limit ${RATE} req/s, concurrency ${CONCURRENCY}, batch ${BATCH}`,
    );
    out(`changes: ${CHANGES} over ${SKUS} SKUs (stock-out share ${STOCKOUT_SHARE})`);
    const started = Date.now();
    const newest = new Map<string, number>();
    for (let i = 0; i < CHANGES; i += 1) {
      const sku = skus[Math.floor(Math.random() * SKUS)] as string;
      const units = Math.random() < STOCKOUT_SHARE ? 0 : 1 + Math.floor(Math.random() * 50);
      const asOf = Date.now();
      newest.set(sku, units);
      await h.feed({ ...figure(sku, 0, { DC01: units }, SKUS + i), asOf });
    }
    const fed = Date.now();
    await h.drain(600_000);
    const done = Date.now();
    await h.workers.stop();

    const reports = h.producer.records.flatMap((r) => (r.value as InventorySync).lists);
    const writes = reports.filter((l) => l.outcome === 'OK');
    const perClass = new Map<number, number[]>();
    for (const l of writes)
      perClass.set(l.priority, [...(perClass.get(l.priority) ?? []), l.writtenAt - l.sourceAsOf]);
    const held = (await (await fetch(`${host}/__sim/inventory?list=inventory_webshop`)).json()) as {
      records: Array<{ product_id: string; allocation?: { amount: number } }>;
    };
    const inSfcc = new Map(held.records.map((r) => [r.product_id, r.allocation?.amount]));
    const wrong = [...newest].filter(([sku, units]) => inSfcc.get(sku) !== units).length;
    out(
      `fed in ${((fed - started) / 1000).toFixed(2)} s; all written ${((done - started) / 1000).toFixed(2)} s after the first change`,
    );
    out(`changes/s end to end: ${(CHANGES / ((done - started) / 1000)).toFixed(0)}`);
    out(
      `SFCC calls: ${calls}; records written: ${writes.length}; calls per change: ${(calls / CHANGES).toFixed(4)}`,
    );
    for (const [cls, delays] of [...perClass].sort((a, b) => a[0] - b[0])) {
      out(
        `class ${cls}: ${delays.length} writes, change→write p50 ${pct(delays, 50)} ms, p99 ${pct(delays, 99)} ms`,
      );
    }
    const { requests } = (await (await fetch(`${host}/__sim/requests`)).json()) as {
      requests: Array<{ endpoint: string; status: number; count: number }>;
    };
    const total = requests.reduce((n, r) => n + r.count, 0);
    const throttled = requests.filter((r) => r.status === 429).reduce((n, r) => n + r.count, 0);
    out(
      `simulator: ${total} requests, ${throttled} answered 429 (${((100 * throttled) / Math.max(1, total)).toFixed(2)}%)`,
    );
    out(`final SFCC allocations differing from the newest figure: ${wrong} of ${newest.size} SKUs changed`);
    await sfcc.stop();
  } finally {
    sim.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
