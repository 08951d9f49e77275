import { TOPICS, findTopic } from '@wair-sfcc/contracts';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import { createTestTopic, uniqueName } from '@wair-sfcc/kafka/testing';
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import type { ColdStartResult } from './bench-report';
import { freePort, type BenchTopics } from './bench-system';
import { timeColdStart } from './writer-checks';
import { productionNodeOptions } from './production-heap-check';
import { readProc } from './proc-stats';

const FIXTURE = 'apps/reconciliation-auditor/src/testing/auditor-process.fixture.ts';
const AUDITS = [
  'SKU_MISMATCH',
  'INVENTORY_DRIFT',
  'SYNC_DELAY',
  'DISPATCH_NOT_CONFIRMED',
  'ORDER_NOT_ACCEPTED',
];

/**
 * The reconciliation-auditor on the run's topics (its process fixture), with no SFCC host (no
 * catalog pull, no drift reads) and every audit on demand only: what is timed is rebuilding its
 * tables from the compacted topics. Its fulfilment topic is the only one the bench lacks: created
 * here, and returned so the caller deletes it.
 */
export async function timeAuditorStarts(
  runtime: KafkaRuntime,
  topics: BenchTopics,
  skus: number,
  onStarted: (auditor: SpawnedService) => void,
): Promise<{ fulfilmentTopic: string; first: ColdStartResult; cold: ColdStartResult }> {
  const base = findTopic(TOPICS.sfccFulfilment);
  if (!base) throw new Error(`${TOPICS.sfccFulfilment} is not in the topic catalogue`);
  const fulfilmentTopic = `${topics.stock.replace(/\.stock$/, '')}.fulfilment`;
  await createTestTopic(runtime, {
    ...base,
    name: fulfilmentTopic,
    valueSubject: base.valueSchema ? `${fulfilmentTopic}-value` : null,
  });
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    KAFKA_GROUP_ID: uniqueName('bench.auditor'),
    AUDITOR_TEST_TOPICS: JSON.stringify({
      stock: topics.stock,
      skus: topics.skus,
      products: topics.products,
      orders: topics.orders,
      dispatches: topics.dispatches,
      syncs: topics.sync,
      fulfilments: fulfilmentTopic,
      exceptions: topics.exceptions,
    }),
    INVENTORY_LISTS: 'inventory_webshop:WEB01+DC01;inventory_stores:ST01',
    LAG_WATCH_GROUPS: '',
    ...Object.fromEntries(AUDITS.map((a) => [`AUDIT_${a}_INTERVAL_MS`, '0'])),
    // With BENCH_PRODUCTION_HEAP=1 the auditor runs on its Kubernetes manifest's heap throughout.
    ...(process.env['BENCH_PRODUCTION_HEAP'] === '1'
      ? { NODE_OPTIONS: productionNodeOptions('reconciliation-auditor') }
      : {}),
  };
  const port = await freePort();
  const started = Date.now();
  const auditor = spawnService('reconciliation-auditor', env, port, { entry: FIXTURE });
  onStarted(auditor);
  await auditor.waitUntilReady(3_600_000);
  const first: ColdStartResult = {
    app: 'reconciliation-auditor (first start)',
    skus,
    readySeconds: (Date.now() - started) / 1000,
    peakRssMb: (readProc(auditor.child.pid as number)?.peakRssBytes ?? 0) / 2 ** 20,
  };
  const cold = await timeColdStart(
    'reconciliation-auditor',
    auditor,
    (p) => {
      const again = spawnService('reconciliation-auditor', env, p, { entry: FIXTURE });
      onStarted(again);
      return again;
    },
    skus,
    3_600_000,
  );
  return { fulfilmentTopic, first, cold: cold.result };
}
