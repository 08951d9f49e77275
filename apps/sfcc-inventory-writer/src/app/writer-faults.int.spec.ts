import { waitFor } from '@wair-sfcc/kafka/testing';
import {
  createWriterTopics,
  LIST,
  regressions,
  startSimulator,
  stockFigure,
  writerEnv,
  type SimHandle,
} from './writer-test-harness';
import { spawnWriter } from './writer-process.harness';

const SKUS = 200;
const OUTAGE_SECONDS = 30;

/**
 * Issue 5 faults, time-compressed, against the simulator and a real writer process: 20 % 500s,
 * 429s with Retry-After, connection resets, short-lived and revoked tokens, an outage, and a
 * SIGKILL mid-batch followed by a restart. SFCC must end up with every newest figure, and no key
 * may ever be written an older figure after a newer one.
 */
describe('writer under SFCC faults and a SIGKILL (real simulator, real Kafka, writer process)', () => {
  let sim: SimHandle;
  let kafka: Awaited<ReturnType<typeof createWriterTopics>>;
  let writer: Awaited<ReturnType<typeof spawnWriter>> | undefined;

  beforeAll(async () => {
    [sim, kafka] = await Promise.all([startSimulator(), createWriterTopics('iw-faults')]);
  }, 90_000);

  afterAll(async () => {
    await writer?.kill('SIGKILL');
    await kafka?.close();
    await sim?.stop();
  });

  it('ends with every newest figure written and nothing written backwards', async () => {
    const prefix = kafka.run.toUpperCase().replace(/[^A-Z0-9-]/g, '-');
    const skus = Array.from({ length: SKUS }, (_, i) => `${prefix}-F${String(i).padStart(4, '0')}`);
    const base = Date.now() - 3_600_000;
    // Units rise with every round, so an allocation that goes down in the history is an older figure.
    const round = (r: number) =>
      skus.map((sku, i) => stockFigure(sku, base + r * 1_000 + i, r, r * 10 + (i % 7)));
    const mine = async () =>
      (await sim.writes()).filter((w) => w.listId === LIST && w.productId.startsWith(prefix));
    const tokensIssued = async () =>
      (await sim.requests())
        .filter((r) => r.endpoint === 'am.token' && r.status === 200)
        .reduce((n, r) => n + r.count, 0);
    const holdsRound = async (r: number) => {
      const now = await sim.allocations();
      return round(r).every((f) => now.get(f.sku)?.resetDate === new Date(f.asOf).toISOString());
    };
    await kafka.publishCatalog(skus);
    await sim.settings({ tokenTtlSeconds: 3 });
    await sim.faults({
      errorRates: { '500': 0.2, '503': 0 },
      resetRate: 0.05,
      rateLimit: { ratePerSecond: 8, burst: 2 },
      latencyMs: { p50: 30, p99: 200 },
    });
    const env = writerEnv(sim, 'iw-faults', {
      LOG_LEVEL: 'warn',
      SFCC_RATE_PER_SEC: '20',
      WRITE_BATCH_SIZE: '10',
      WRITE_CONCURRENCY: '2',
    });
    const started = Date.now();
    writer = await spawnWriter(env, kafka.topics);

    // 500s, 429s, resets and token expiry from the start; then every token revoked mid-run.
    await kafka.publishStock(round(1));
    await waitFor('first writes through the faults', async () => (await mine()).length >= 50, 30_000, 250);
    // Tokens so far lived 3 s (refreshed ahead of expiry); the next one lives long enough to be
    // cached when every token is revoked, so the writer must recover from a 401 mid-run.
    await sim.settings({ tokenTtlSeconds: 600 });
    const issued = await tokensIssued();
    await waitFor('a long-lived token', async () => (await tokensIssued()) > issued, 30_000, 100);
    await sim.revokeTokens();
    await kafka.publishStock(round(2));
    await waitFor('round 2 written', () => holdsRound(2), 45_000, 500);

    // SFCC down: figures keep arriving and must all land once it is back.
    await sim.faults({ outageSeconds: OUTAGE_SECONDS });
    const outageStart = Date.now();
    await kafka.publishStock(round(3));
    await waitFor(
      'round 3 written after the outage',
      () => holdsRound(3),
      OUTAGE_SECONDS * 1000 + 60_000,
      500,
    );
    const recoveredMs = Date.now() - outageStart;

    // SIGKILL while batches are in flight (slow answers keep them open), then restart.
    await sim.faults({ latencyMs: { p50: 300, p99: 800 } });
    const before = (await mine()).length;
    await kafka.publishStock(round(4));
    await waitFor('round 4 writes under way', async () => (await mine()).length >= before + 20, 30_000, 50);
    expect(await writer.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    await kafka.publishStock(round(5));
    await sim.faults({ latencyMs: { p50: 30, p99: 200 } });
    writer = await spawnWriter(env, kafka.topics);
    await waitFor('round 5 written after the restart', () => holdsRound(5), 60_000, 500);

    const final = await sim.allocations();
    for (const f of round(5)) {
      expect(final.get(f.sku)).toEqual({
        amount: f.locations[0]?.available,
        resetDate: new Date(f.asOf).toISOString(),
      });
    }
    const writes = await mine();
    expect(regressions(writes, true)).toEqual([]);

    const requests = await sim.requests();
    const count = (status: number) =>
      requests.filter((r) => r.status === status).reduce((n, r) => n + r.count, 0);
    const calls = requests.reduce((n, r) => n + r.count, 0);
    process.stdout.write(
      `faults: ${SKUS} SKUs × 5 rounds in ${Date.now() - started} ms; ${writes.length} writes; ${calls} calls ` +
        `(500: ${count(500)}, 429: ${count(429)}, reset: ${count(0)}, 401: ${count(401)}, 503: ${count(503)}); ` +
        `round 3 written ${recoveredMs} ms after a ${OUTAGE_SECONDS} s outage began; ` +
        `${await tokensIssued()} tokens issued\n`,
    );
    // Every fault really happened (else this test would prove nothing).
    for (const status of [500, 429, 0, 401, 503]) expect(count(status)).toBeGreaterThan(0);
    expect(await tokensIssued()).toBeGreaterThanOrEqual(3);
  }, 240_000);
});
