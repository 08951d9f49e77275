// `npm run bench:writer`: WAIR stock changes end to end through the writer. Figures shaped as
// `wair.stock.v1` are produced to a fresh topic on the real Kafka + schema registry, consumed by
// the writer app (createApp + loadConfig, real OCAPI clients: Account Manager token, OCAPI batch,
// adaptive rate limiter) in this process, and written into the real sfcc-simulator (child
// process). Outcomes are read back from the writer's sync topic; SFCC figures (state, write
// history, request counters) from the simulator's /__sim/ API.
//
// Settings (env): BENCH_CHANGES (20000), BENCH_SKUS (2000), BENCH_RATE (20 req/s: the simulator's
// leaky bucket and the writer's SFCC_RATE_PER_SEC), BENCH_CONCURRENCY (2), BENCH_BATCH (50),
// BENCH_STOCKOUT_SHARE (0.05), BENCH_OFFERED_PER_SEC (offered changes/s; 0 = as fast as the
// producer goes). Kafka: KAFKA_BROKERS and SCHEMA_REGISTRY_URL (defaults: the local stack on
// 19092/18081). Topics are unique per run (`bench-writer.<time>.<id>.*`) and deleted at the end
// (BENCH_KEEP_TOPICS=1 keeps them for inspection), so repeated runs do not pile up on a dev stack.
import os from 'node:os';
import { deleteRunTopics, waitFor } from '@wair-sfcc/kafka/testing';
import { createWriterTopics, LIST, startSimulator, stockFigure } from '../src/app/writer-test-harness';
import {
  benchSettings,
  checkStack,
  createBenchWriter,
  percentile,
  produceChanges,
  readSyncTopic,
} from './writer-bench-kit';

process.env['KAFKA_BROKERS'] ??= '127.0.0.1:19092';
process.env['SCHEMA_REGISTRY_URL'] ??= 'http://127.0.0.1:18081/apis/ccompat/v7';
const s = benchSettings();
const out = (line: string) => process.stdout.write(`${line}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const TIMEOUT_MS = 900_000;

async function main(): Promise<number> {
  const brokers = (process.env['KAFKA_BROKERS'] as string).split(',');
  await checkStack(brokers, process.env['SCHEMA_REGISTRY_URL'] as string);
  out(
    `load average at start (1/5/15 min): ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  const [sim, kafka] = await Promise.all([
    startSimulator({ SIM_RATE_LIMIT_PER_SECOND: String(s.rate) }),
    createWriterTopics('bench-writer'),
  ]);
  const writer = createBenchWriter(sim, kafka.topics, s);
  const sync = await readSyncTopic(kafka.runtime, kafka.topics.sync);
  try {
    const prefix = kafka.run.toUpperCase().replace(/[^A-Z0-9-]/g, '-');
    const skus = Array.from({ length: s.skus }, (_, i) => `${prefix}-${String(i).padStart(6, '0')}`);
    await kafka.publishCatalog(skus);
    await writer.app.start();
    out(
      `sfcc-inventory-writer bench — Kafka ${brokers.join(',')}, topics ${kafka.run}.*; SFCC: sfcc-simulator ` +
        `(${sim.url}), rate limit ${s.rate} req/s (simulator bucket and writer), concurrency ${s.concurrency}, ` +
        `batch ${s.batch}, low-stock threshold ${writer.config.LOW_STOCK_THRESHOLD}`,
    );

    // Seed every SKU with stock first, so later drops to zero are stock-outs (class 0).
    const seededAt = Date.now();
    await kafka.publishStock(skus.map((sku, i) => stockFigure(sku, seededAt, i + 1, 10)));
    await waitFor(
      'the seed figures in SFCC',
      async () => {
        const held = await sim.allocations();
        return skus.every((sku) => held.get(sku)?.amount === 10) && writer.idle();
      },
      TIMEOUT_MS,
      250,
    );
    const seedSeq = Math.max(0, ...(await sim.writes()).map((w) => w.seq));
    const callsOf = async () => {
      const req = (await sim.requests()).filter((r) => r.endpoint !== 'am.token');
      const count = (f: (r: (typeof req)[number]) => boolean) =>
        req.filter(f).reduce((n, r) => n + r.count, 0);
      return { calls: count(() => true), throttled: count((r) => r.status === 429) };
    };
    const before = await callsOf();
    out(`seeded ${s.skus} SKUs with 10 units each in ${secs(Date.now() - seededAt)} (not measured)`);

    // Measured: random changes over the SKUs, each stamped with the time it is produced.
    const newest = new Map<string, { units: number; asOf: number }>();
    const sent = await produceChanges(
      kafka.producer,
      kafka.topics.stock,
      s.changes,
      s.offeredPerSec,
      (i, asOf) => {
        const sku = skus[Math.floor(Math.random() * s.skus)] as string;
        const units = Math.random() < s.stockOutShare ? 0 : 1 + Math.floor(Math.random() * 50);
        newest.set(sku, { units, asOf });
        return stockFigure(sku, asOf, s.skus + 1 + i, units);
      },
    );
    const holdsNewest = (held: Awaited<ReturnType<typeof sim.allocations>>, sku: string) => {
      const want = newest.get(sku) as { units: number; asOf: number };
      const got = held.get(sku);
      return got?.amount === want.units && got.resetDate === new Date(want.asOf).toISOString();
    };
    const complete = await waitFor(
      'SFCC to hold every newest figure',
      async () => {
        const held = await sim.allocations();
        return [...newest.keys()].every((sku) => holdsNewest(held, sku));
      },
      TIMEOUT_MS,
      250,
    ).catch((error: unknown) => (out(`NOT COMPLETE: ${(error as Error).message}`), false));
    // Let the writer run dry, so a late write of an older figure would show below.
    await waitFor('the writer to be idle', () => writer.idle(), 60_000).catch(() => out('writer not idle'));
    const writes = (await sim.writes(seedSeq)).filter((w) => w.listId === LIST);
    const measured = () => sync.entries.filter((e) => e.sourceAsOf >= sent.first);
    // A write is reported on the sync topic once SFCC acknowledged it: wait for every report.
    await waitFor('the sync rows', () => measured().length >= writes.length, 30_000).catch(() =>
      out(`sync topic: ${measured().length} rows for ${writes.length} writes`),
    );
    const held = await sim.allocations();
    const wrong = [...newest.keys()].filter((sku) => !holdsNewest(held, sku)).length;
    // The end: when the simulator recorded the last write that made its SKU hold the newest figure.
    const finalWriteAt = Math.max(
      ...writes
        .filter((w) => {
          const want = newest.get(w.productId);
          return want && w.allocation === want.units && w.resetDate === new Date(want.asOf).toISOString();
        })
        .map((w) => Date.parse(w.at)),
    );
    const after = await callsOf();
    const calls = after.calls - before.calls;
    const throttled = after.throttled - before.throttled;
    const byClass = new Map<number, number[]>();
    for (const e of measured().filter((x) => x.outcome === 'OK'))
      byClass.set(e.priority, [...(byClass.get(e.priority) ?? []), e.writtenAt - e.sourceAsOf]);
    const notOk = measured().filter((e) => e.outcome !== 'OK').length;
    const offered = s.offeredPerSec > 0 ? `${s.offeredPerSec}/s` : 'unlimited';

    out(
      `changes offered: ${s.changes} over ${s.skus} SKUs (${newest.size} changed, stock-out share ${s.stockOutShare}) ` +
        `in ${secs(sent.last - sent.first)}, offered rate ${offered} → ` +
        `${((s.changes * 1000) / Math.max(1, sent.last - sent.first)).toFixed(0)} changes/s produced`,
    );
    const endToEnd = finalWriteAt - sent.first;
    out(
      complete
        ? `SFCC held every newest figure ${secs(endToEnd)} after the first change was produced ` +
            `(last such write in the simulator's history; verified on /__sim/inventory)`
        : 'SFCC did NOT hold every newest figure before the timeout',
    );
    out(`changes/s end to end: ${complete ? ((s.changes * 1000) / endToEnd).toFixed(0) : 'n/a'}`);
    out(
      `SFCC calls (simulator /__sim/requests, Account Manager token calls excluded): ${calls}; ` +
        `calls per change: ${(calls / s.changes).toFixed(4)}`,
    );
    out(
      `records written (simulator write history): ${writes.length} (${(writes.length / Math.max(1, calls - throttled)).toFixed(1)} per accepted call); ` +
        `sync topic: ${measured().length - notOk} OK${notOk ? `, ${notOk} not OK` : ''}`,
    );
    for (const [cls, delays] of [...byClass].sort((a, b) => a[0] - b[0])) {
      out(
        `class ${cls}: ${delays.length} writes, change→SFCC write (writtenAt − sourceAsOf, sync topic) ` +
          `p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms`,
      );
    }
    out(
      `429 share: ${throttled} of ${calls} calls (${((100 * throttled) / Math.max(1, calls)).toFixed(2)} %)`,
    );
    out(`SKUs whose final SFCC allocation differs from the newest figure: ${wrong} of ${newest.size}`);
    return complete && wrong === 0 ? 0 : 1;
  } finally {
    await writer.stop();
    await sync.stop();
    await kafka.close();
    await sim.stop();
    if (process.env['BENCH_KEEP_TOPICS'] === '1') out(`topics kept: ${kafka.run}.*`);
    else out(`topics deleted: ${(await deleteRunTopics(kafka.run)).length} (${kafka.run}.*)`);
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench:writer failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
