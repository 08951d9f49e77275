/**
 * `npm run bench`: one run, one machine, side by side — the Kafka client's own ceiling, the
 * whole stock path (WAIR simulator → wair-ingest → Kafka → sfcc-inventory-writer → SFCC
 * simulator) and the order path (SFCC storefront → order-dispatch-bridge → WAIR → wair-ingest →
 * bridge → SFCC), with figures taken from the simulators' own records. Prints a table and writes
 * `bench-results/<timestamp>.json`. Flags and env: see docs/benchmarks.md (`--quick` for a short run).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createIntegrationRuntime, uniqueName } from '@wair-sfcc/kafka/testing';
import { formatTable, reportRows, resultFileName, type BenchResult } from './bench-report';
import { benchTopics, deleteTopics, locationCodes, type BenchProcesses } from './bench-system';
import { createCpuMeter } from './cpu-meter';
import { runKafkaBaseline } from './kafka-baseline';
import { runOrderPath } from './order-path-phase';
import { runPipelineSections } from './pipeline-run';
import { pidListeningOn } from './proc-stats';
import { parseScenario, type Scenario, type SectionId } from './scenario';

const root = path.resolve(__dirname, '../..');
const say = (line: string) => process.stdout.write(`${line}\n`);

process.env['KAFKA_BROKERS'] ??= '127.0.0.1:19092';
process.env['SCHEMA_REGISTRY_URL'] ??= 'http://127.0.0.1:18081/apis/ccompat/v7';

function scenarioJson(s: Scenario): Record<string, unknown> {
  return { ...s, skip: [...s.skip] };
}

async function main(): Promise<void> {
  const scenario = parseScenario(process.argv.slice(2), process.env);
  const brokers = (process.env['KAFKA_BROKERS'] as string).split(',');
  const startedAt = new Date();
  const result: BenchResult = {
    startedAt: startedAt.toISOString(),
    scenario: scenarioJson(scenario),
    machine: { cores: os.cpus().length, node: process.version, kafkaBrokers: brokers.join(',') },
    notMeasured: [],
  };
  const skipped = (id: SectionId) => scenario.skip.has(id);
  say(
    `bench (${scenario.name}): ${scenario.skus} SKUs × ${scenario.locations} locations, ${scenario.changesPerSecond} changes/s for ${scenario.seconds} s, ` +
      `${scenario.ordersPerSecond} orders/s, SFCC ${scenario.sfccRatePerSecond} req/s + ${scenario.sfccLatencyMs} ms, writer concurrency ${scenario.writerConcurrency}; Kafka ${brokers.join(',')}`,
  );
  const cpu = createCpuMeter(os.cpus().length);
  const phases: NonNullable<BenchResult['cpu']> = [];
  cpu.watch('bench (this process)', process.pid);
  const brokerPort = Number(brokers[0]?.split(':')[1]);
  cpu.watch('kafka broker', Number.isFinite(brokerPort) ? pidListeningOn(brokerPort) : undefined);
  const registryPort = Number(new URL(process.env['SCHEMA_REGISTRY_URL'] as string).port);
  cpu.watch('schema registry', registryPort ? pidListeningOn(registryPort) : undefined);
  const locations = locationCodes(scenario.locations);

  if (!skipped('baseline')) {
    say('\n▶ 1 baseline: raw kafkajs produce → consume');
    const phase = cpu.start('baseline');
    result.baseline = await runKafkaBaseline({
      brokers,
      registryUrl: process.env['SCHEMA_REGISTRY_URL'] as string,
      records: scenario.baselineRecords,
      skus: scenario.skus,
      locations,
    });
    phases.push(phase.stop());
    say(`  ${Math.round(result.baseline.endToEndPerSecond)} records/s end to end`);
  } else result.notMeasured.push({ section: '1 baseline', why: 'skipped (--skip)' });

  let system: BenchProcesses | undefined;
  const runtime = createIntegrationRuntime('bench');
  const topics = benchTopics(uniqueName('bench'));
  const orderPathTopics: string[] = [];
  try {
    if (!skipped('pipeline')) {
      await runPipelineSections({
        scenario,
        locations,
        runtime,
        topics,
        cpu,
        phases,
        result,
        say,
        onStarted: (s) => (system = s),
      });
    } else {
      result.notMeasured.push({ section: '2–5, 7 pipeline sections', why: 'skipped (--skip=pipeline)' });
    }
    // The order path runs on its own processes: the stock path's stop first, so they do not share the CPU.
    await system?.stop();
    system = undefined;
    if (!skipped('order-path')) {
      say(
        `\n▶ 8 order path: ${scenario.orderPathRate} storefront orders/s for ${scenario.orderPathSeconds} s → bridge → WAIR (dispatch after ${scenario.dispatchDelayMs} ms) → bridge → SFCC`,
      );
      try {
        result.orderPath = await runOrderPath({
          scenario,
          runtime,
          cpu,
          phases,
          say,
          onTopics: (names) => orderPathTopics.push(...names),
        });
        say(
          `  ${result.orderPath.placed} orders; ${result.orderPath.ordersShipped} shipped in SFCC; capture p50 ${result.orderPath.captureDelay?.p50 ?? '—'} ms`,
        );
      } catch (error) {
        say(`  order path failed: ${(error as Error).message}`);
        result.notMeasured.push({ section: '8 order path', why: `failed: ${(error as Error).message}` });
      }
    } else result.notMeasured.push({ section: '8 order path', why: 'skipped (--skip)' });
  } finally {
    await system?.stop();
    await deleteTopics(brokers, [...Object.values(topics), ...orderPathTopics]).catch(() => undefined);
    await runtime.admin.disconnect().catch(() => undefined);
  }
  result.cpu = phases;
  if (!result.fullRefresh && !skipped('full-refresh') && skipped('pipeline'))
    result.notMeasured.push({ section: '7 full refresh', why: 'needs the pipeline section' });

  say('\n' + formatTable(reportRows(result)));
  const dir = path.join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, resultFileName(startedAt));
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  say(`\nwritten ${path.relative(root, file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
