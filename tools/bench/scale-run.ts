import { readFileSync } from 'node:fs';
import { createSeededRandom, generateSimCatalogue } from '@wair-sfcc/sim-catalogue';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import { spawnWriter } from './app-processes';
import { ADMIN_TOKEN, benchTopicSpecs, createBenchTopics, publishCatalog } from './bench-system';
import { expectedRecords, incorrectRecords, listMappings, pairKey, type TruthSku } from './inventory-model';
import type { PipelineRun } from './pipeline-run';
import { runWithProductionHeap, type ProductionHeapResult } from './production-heap-check';
import { readProc } from './proc-stats';
import { timeAuditorStarts } from './scale-auditor';
import { deleteTopics } from './bench-system';
import { startScaleSystem } from './scale-system';
import { timeColdStart, timeFullRefresh } from './writer-checks';

/** Context figures of the scale path, written to the result file next to sections 6 and 7. */
export interface ScaleResult {
  skus: number;
  catalogPublishSeconds: number;
  ingestSnapshotSeconds: number;
  ingestSnapshot: unknown;
  fullRefreshSummary: unknown;
  writerFirstReadySeconds: number;
  impex: Array<{ id: string; status: string; imported: number; ok: boolean | null; seconds: number | null }>;
  sampleChecked: number;
  sampleIncorrect: number;
  incorrectSample: string[];
  peakRssMb: Record<string, number>;
  loadAverage: string;
  /** With BENCH_PRODUCTION_HEAP=1: each app again on its Kubernetes manifest's heap. */
  productionHeap?: ProductionHeapResult[];
  /** Why the auditor was not timed, when it was not. */
  auditorError?: string;
}

const SAMPLE = 2_000;
const mb = (pid: number | undefined) => (pid ? (readProc(pid)?.peakRssBytes ?? 0) / 2 ** 20 : 0);

async function json<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`GET ${url} → HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * The 1,000,000-SKU path (`--seconds=0 --skip=overload`): no stream; the initial stock reaches SFCC
 * through the forced full refresh (section 7 full refresh, the issue's section 6), then each app is
 * restarted on the same topics and group (cold start). See docs/benchmarks.md.
 */
export async function runScaleSections(run: PipelineRun): Promise<void> {
  const { scenario, say, cpu, phases, result } = run;
  const scale: Partial<ScaleResult> = { skus: scenario.skus, peakRssMb: {} };
  (result as { scale?: Partial<ScaleResult> }).scale = scale;
  say(`\n▶ scale path: ${scenario.skus} SKUs × ${run.locations.length} locations, no stream`);
  const specs = benchTopicSpecs(run.topics);
  await createBenchTopics(run.runtime, specs);
  const catalogue = generateSimCatalogue({
    seed: scenario.seed,
    skuCount: scenario.skus,
    stores: run.locations.length - 2,
  });
  let t = Date.now();
  await publishCatalog(
    run.runtime,
    specs.products,
    catalogue.skus.map((s) => s.sku),
  );
  scale.catalogPublishSeconds = (Date.now() - t) / 1000;
  say(
    `  catalogue of ${catalogue.skus.length} variants published in ${scale.catalogPublishSeconds.toFixed(1)} s`,
  );
  const brokers = (process.env['KAFKA_BROKERS'] as string).split(',');
  const setup = cpu.start('scale set-up (simulators, ingest snapshot)');
  const started = await startScaleSystem(
    { scenario, topics: run.topics, writerRatePerSecond: scenario.sfccRatePerSecond },
    brokers,
    say,
  );
  phases.push(setup.stop());
  const sys = started.system;
  run.onStarted(sys);
  scale.ingestSnapshotSeconds = started.snapshotSeconds;
  scale.ingestSnapshot = started.snapshot;
  scale.writerFirstReadySeconds = started.writerFirstReadySeconds;
  for (const [name, p] of Object.entries({
    'wair-simulator': sys.wairSim,
    'sfcc-simulator': sys.sfccSim,
    'wair-ingest': sys.ingest,
    'sfcc-inventory-writer': sys.writer,
  }))
    cpu.watch(name, p.child.pid);

  if (!scenario.skip.has('full-refresh')) {
    say(`\n▶ 7 full refresh through IMPEX at ${scenario.skus} SKUs (forced; this is the initial load)`);
    const meter = cpu.start('full refresh');
    t = Date.now();
    result.fullRefresh = await timeFullRefresh(sys.writer, ADMIN_TOKEN, scenario.skus, 3_600_000);
    phases.push(meter.stop());
    say(
      `  ${result.fullRefresh.records} records in ${result.fullRefresh.seconds.toFixed(1)} s, writer peak RSS ${Math.round(result.fullRefresh.writerPeakRssMb)} MB${result.fullRefresh.error ? `, error: ${result.fullRefresh.error}` : ''}`,
    );
    scale.fullRefreshSummary = (
      await json<{ lastRun: unknown }>(`${sys.writer.opsUrl}/admin/full-refresh`, {
        authorization: `Bearer ${ADMIN_TOKEN}`,
      })
    ).lastRun;
    say(`  writer's summary: ${JSON.stringify(scale.fullRefreshSummary)}`);
    const jobs = await json<{
      executions: Array<{
        id: string;
        status: string;
        imported: number;
        startTime: number;
        endTime?: number;
        exit?: { ok: boolean };
      }>;
    }>(`${sys.sfccSim.opsUrl}/__sim/jobs`);
    scale.impex = jobs.executions.map((e) => ({
      id: e.id,
      status: e.status,
      imported: e.imported,
      ok: e.exit?.ok ?? null,
      seconds: e.endTime === undefined ? null : (e.endTime - e.startTime) / 1000,
    }));
    say(
      `  IMPEX jobs: ${scale.impex.map((j) => `#${j.id} ${j.imported} imported, ok ${j.ok}, ${j.seconds} s`).join('; ')}`,
    );
    const check = await checkSample(
      sys.wairSim.opsUrl,
      sys.sfccSim.opsUrl,
      run.locations,
      catalogue.skus,
      scenario.seed,
    );
    Object.assign(scale, check);
    say(`  sample of ${check.sampleChecked} records: ${check.sampleIncorrect} wrong`);
    for (const line of check.incorrectSample) say(`  wrong: ${line}`);
    scale.loadAverage = loadAverage();
  }
  Object.assign(scale.peakRssMb as Record<string, number>, {
    'wair-simulator': mb(sys.wairSim.child.pid),
    'sfcc-simulator': mb(sys.sfccSim.child.pid),
    'wair-ingest (incl. snapshot)': mb(sys.ingest.child.pid),
    'sfcc-inventory-writer (incl. full refresh)': mb(sys.writer.child.pid),
  });
  say(`  peak RSS (MB): ${JSON.stringify(scale.peakRssMb)}`);

  if (!scenario.skip.has('cold-start')) {
    say('\n▶ 7 cold start: each app restarted, time to ready (state rebuilt from the compacted topics)');
    cpu.unwatch('sfcc-inventory-writer');
    const writer = await timeColdStart(
      'sfcc-inventory-writer',
      sys.writer,
      (port) => spawnWriter(sys.env.writer, run.topics, port),
      scenario.skus,
      3_600_000,
    );
    sys.writer = writer.service;
    say(
      `  writer ready in ${writer.result.readySeconds.toFixed(1)} s, peak RSS ${Math.round(writer.result.peakRssMb)} MB`,
    );
    cpu.unwatch('wair-ingest');
    const ingest = await timeColdStart(
      'wair-ingest',
      sys.ingest,
      (port) => spawnService('wair-ingest', sys.env.ingest, port),
      scenario.skus,
      3_600_000,
    );
    sys.ingest = ingest.service;
    say(
      `  wair-ingest ready in ${ingest.result.readySeconds.toFixed(1)} s, peak RSS ${Math.round(ingest.result.peakRssMb)} MB`,
    );
    result.coldStart = [writer.result, ingest.result];
    // The auditor is timed when it starts at all; its failure does not cost the other figures.
    let auditor: SpawnedService | undefined;
    let fulfilmentTopic: string | undefined;
    try {
      const timed = await timeAuditorStarts(run.runtime, run.topics, scenario.skus, (a) => (auditor = a));
      fulfilmentTopic = timed.fulfilmentTopic;
      result.coldStart.push(timed.first, timed.cold);
      say(
        `  reconciliation-auditor: first start ready in ${timed.first.readySeconds.toFixed(1)} s (${Math.round(timed.first.peakRssMb)} MB), restart ${timed.cold.readySeconds.toFixed(1)} s (${Math.round(timed.cold.peakRssMb)} MB)`,
      );
    } catch (error) {
      scale.auditorError = (error as Error).message.slice(-2000);
      say(`  reconciliation-auditor not timed: ${scale.auditorError.split('\n')[0]}`);
    } finally {
      await (auditor as SpawnedService | undefined)?.stop('SIGTERM');
      const name = `${run.topics.stock.replace(/\.stock$/, '')}.fulfilment`;
      await deleteTopics(brokers, [fulfilmentTopic ?? name]).catch(() => undefined);
    }
  }
  if (process.env['BENCH_PRODUCTION_HEAP'] === '1') {
    say("\n▶ each app again with its production heap (infra/k8s/base/<app>/deployment.yaml's NODE_OPTIONS)");
    const writer = await runWithProductionHeap(
      'sfcc-inventory-writer',
      sys.writer,
      (port, env) => spawnWriter({ ...sys.env.writer, ...env }, run.topics, port),
      async (service) => {
        const died = service.exited.then(() => {
          throw new Error(`exited during the full refresh:\n${service.output().slice(-1500)}`);
        });
        try {
          const r = await Promise.race([
            timeFullRefresh(service, ADMIN_TOKEN, scenario.skus, 3_600_000),
            died,
          ]);
          return { seconds: r.seconds, records: r.records, error: r.error };
        } catch (error) {
          return { seconds: null, records: 0, error: (error as Error).message.slice(-1500) };
        }
      },
    );
    sys.writer = writer.service;
    const ingest = await runWithProductionHeap('wair-ingest', sys.ingest, (port, env) =>
      spawnService('wair-ingest', { ...sys.env.ingest, ...env }, port),
    );
    sys.ingest = ingest.service;
    scale.productionHeap = [writer.result, ingest.result];
    for (const r of scale.productionHeap)
      say(
        `  ${r.app} (${r.nodeOptions}): ${r.ready ? `ready in ${r.readySeconds?.toFixed(1)} s` : 'never ready'}, peak RSS ${Math.round(r.peakRssMb)} MB${r.fullRefresh ? `; full refresh ${r.fullRefresh.error ? `failed: ${r.fullRefresh.error.split('\n')[0]}` : `${r.fullRefresh.records} records in ${r.fullRefresh.seconds?.toFixed(1)} s`}` : ''}${r.failure ? `; ${r.failure.split('\n')[0]}` : ''}`,
      );
  }
  scale.loadAverage = `${scale.loadAverage ?? ''} | at the end: ${loadAverage()}`;
  result.notMeasured.push({
    section: '2–5 stream sections',
    why: 'scale path (--seconds=0 --skip=overload)',
  });
}

function loadAverage(): string {
  try {
    // The figures `uptime` prints.
    return readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

/**
 * WAIR's truth and SFCC's record for a seeded sample of SKUs, one request each (the whole
 * `/__sim/stock` at 1,000,000 SKUs is a response of several hundred MB).
 */
async function checkSample(
  wairUrl: string,
  sfccUrl: string,
  locations: string[],
  skus: ReadonlyArray<{ sku: string }>,
  seed: string,
): Promise<{ sampleChecked: number; sampleIncorrect: number; incorrectSample: string[] }> {
  const random = createSeededRandom(`scale-sample:${seed}`);
  const picked = new Set<string>();
  while (picked.size < Math.min(SAMPLE, skus.length))
    picked.add((skus[random.int(0, skus.length - 1)] as { sku: string }).sku);
  const lists = listMappings(locations);
  const truth: TruthSku[] = [];
  const held = new Map<string, { allocation?: number; resetDate?: number }>();
  for (const sku of picked) {
    const t = await json<{
      locations: Array<{ locationCode: string; available: number; modifiedDateTime: string }>;
    }>(`${wairUrl}/__sim/stock/${encodeURIComponent(sku)}`);
    truth.push({
      sku,
      locations: t.locations.map((l) => ({
        location: l.locationCode,
        available: l.available,
        modifiedAt: Date.parse(l.modifiedDateTime),
      })),
    });
    for (const list of lists) {
      const res = await fetch(`${sfccUrl}/__sim/inventory/${list.listId}/${encodeURIComponent(sku)}`, {
        signal: AbortSignal.timeout(60_000),
      });
      if (res.status === 404) continue;
      const { record } = (await res.json()) as {
        record: { allocation?: { amount?: number; reset_date?: string } } | null;
      };
      held.set(pairKey(list.listId, sku), {
        allocation: record?.allocation?.amount,
        resetDate: record?.allocation?.reset_date ? Date.parse(record.allocation.reset_date) : undefined,
      });
    }
  }
  const expected = expectedRecords(truth, lists);
  const wrong = incorrectRecords(expected, held);
  return {
    sampleChecked: expected.size,
    sampleIncorrect: wrong.length,
    incorrectSample: wrong.slice(0, 5).map((key) => {
      const got = held.get(key);
      return `${key.replace('\u0000', '/')}: expected ${expected.get(key)?.allocation}, SFCC holds ${got?.allocation ?? 'nothing'}`;
    }),
  };
}
