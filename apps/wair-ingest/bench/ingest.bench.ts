// `npm run bench:ingest`: WAIR changes end to end — the wair-simulator (child process) generates
// stock changes and pushes signed webhooks (with some loss) into wair-ingest (in this process),
// which also polls; a consumer reads the stock topic back from the real Kafka. Prints changes/s
// ingested end to end and the ingest delay (WAIR modifiedDateTime → readable on the topic).
//
// Settings (env): BENCH_SKUS (1000), BENCH_RATE (changes/s, 400), BENCH_SECONDS (15),
// BENCH_LOSS (webhook loss rate, 0.05), BENCH_POLL_MS (2000). Kafka: KAFKA_BROKERS and
// SCHEMA_REGISTRY_URL (defaults: the local stack on 19092/18081).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { StockLevel } from '@wair-sfcc/contracts';
import { createIntegrationRuntime, createTestTopic, uniqueName, waitFor } from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import { loadConfig } from '../src/app/config';
import { createApp } from '../src/app/create-app';
import { ingestTopics } from '../src/app/ingest-topics';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const SKUS = num('BENCH_SKUS', 1000);
const RATE = num('BENCH_RATE', 400);
const SECONDS = num('BENCH_SECONDS', 15);
const LOSS = num('BENCH_LOSS', 0.05);
const POLL_MS = num('BENCH_POLL_MS', 2000);
const out = (line: string) => process.stdout.write(`${line}\n`);
process.env['KAFKA_BROKERS'] ??= '127.0.0.1:19092';
process.env['SCHEMA_REGISTRY_URL'] ??= 'http://127.0.0.1:18081/apis/ccompat/v7';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const simPort = await freePort();
  const sim = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), path.join(root, 'apps/wair-simulator/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        OPS_PORT: String(simPort),
        SKU_COUNT: String(SKUS),
        CHANGES_PER_SECOND: '0',
        LOG_LEVEL: 'warn',
        SEED: 'bench',
      },
      stdio: 'inherit',
    },
  );
  const simUrl = `http://127.0.0.1:${simPort}`;
  const simCall = async (method: string, p: string, body?: unknown) =>
    (
      await fetch(`${simUrl}${p}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    ).json();
  try {
    const logger = createLogger({ app: 'wair-ingest', level: 'warn' });
    const runtime = createIntegrationRuntime('wair-ingest-bench');
    const prefix = uniqueName('bench.wair-ingest');
    const env = {
      ...process.env,
      STOCK_TOPIC: `${prefix}.stock`,
      DISPATCHES_TOPIC: `${prefix}.dispatches`,
      SKUS_TOPIC: `${prefix}.skus`,
      CURSOR_TOPIC: `${prefix}.cursors`,
      EXCEPTIONS_TOPIC: `${prefix}.exceptions`,
      OPS_PORT: '0',
      WAIR_BASE_URL: simUrl,
      WAIR_TENANT: 'sim-tenant',
      WAIR_USERNAME: 'sim-user',
      WAIR_PASSWORD: 'sim-password',
      WEBHOOK_SECRET: 'sim-webhook-secret',
      POLL_INTERVAL_MS: String(POLL_MS),
      SNAPSHOT_INTERVAL_MS: '0',
      LOG_LEVEL: 'warn',
    };
    const config = loadConfig(env);
    for (const spec of Object.values(ingestTopics(config)))
      await createTestTopic(runtime, { ...spec, partitions: Math.min(spec.partitions, 6) });
    await waitFor('the simulator', async () => (await fetch(`${simUrl}/readyz`)).ok, 60_000, 200);
    const app = createApp({ config, logger, kafka: createIntegrationRuntime('wair-ingest', logger) });
    await app.start();
    const delays: number[] = [];
    let measuring = false;
    const observer = runtime.tableReader<StockLevel>({
      topic: config.STOCK_TOPIC,
      onChange: (_k, v) => v && measuring && v.origin !== 'SNAPSHOT' && delays.push(Date.now() - v.asOf),
    });
    await observer.start();
    // The initial stock reaches the topic through the first poll; the measurement starts after it.
    await waitFor('initial stock on the topic', () => observer.size() >= SKUS * 0.99, 120_000, 200);
    await simCall('PUT', '/__sim/webhooks', { url: `${app.url()}/webhooks/wair`, lossRate: LOSS });
    const before = ((await simCall('GET', '/__sim/counters')) as { changesGenerated: number })
      .changesGenerated;
    measuring = true;
    const started = Date.now();
    await simCall('PUT', '/__sim/stream', { changesPerSecond: RATE, dispatchEvery: 0 });
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    await simCall('PUT', '/__sim/stream', { changesPerSecond: 0 });
    const generated =
      ((await simCall('GET', '/__sim/counters')) as { changesGenerated: number }).changesGenerated - before;
    const truth = (await simCall('GET', '/__sim/stock')) as Array<{ skuCode: string; sequence: number }>;
    await waitFor(
      'every SKU on the topic',
      () =>
        truth.every(
          (t) =>
            Math.max(0, ...(observer.get(t.skuCode)?.locations ?? []).map((l) => l.sequence)) >= t.sequence,
        ),
      120_000,
      100,
    );
    const elapsed = (Date.now() - started) / 1000;
    delays.sort((a, b) => a - b);
    out(
      `\nwair-ingest end to end: ${SKUS} SKUs, target ${RATE} changes/s for ${SECONDS} s, webhook loss ${LOSS}, poll every ${POLL_MS} ms`,
    );
    out(`  changes generated      ${generated}`);
    out(
      `  ingested end to end    ${(generated / elapsed).toFixed(0)} changes/s (all on the topic ${elapsed.toFixed(1)} s after the stream started)`,
    );
    out(`  records on the topic   ${delays.length}`);
    out(
      `  ingest delay           p50 ${quantile(delays, 0.5)} ms   p99 ${quantile(delays, 0.99)} ms   max ${delays.at(-1)} ms`,
    );
    await observer.stop();
    await app.stop();
    await runtime.admin.disconnect();
  } finally {
    sim.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
