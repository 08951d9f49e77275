// Integration-test fixture: the real sfcc-inventory-writer as its own process on a test's topics
// (never imported by service code).
import { randomBytes } from 'node:crypto';
import { uniqueName } from '@wair-sfcc/kafka/testing';
import { freeLowPort, spawnService, type SpawnedService } from '@wair-sfcc/testing';
import type { TableName } from '../state/auditor-tables';

/**
 * The writer's process fixture, by path: it runs main.ts's service on the topics named in
 * WRITER_TEST_TOPICS. A path, not an import, since an app may not depend on another app's modules.
 */
const WRITER_FIXTURE = 'apps/sfcc-inventory-writer/src/app/writer-process.fixture.ts';

export interface InventoryWriterProcess {
  service: SpawnedService;
  /** The writer's ops server, which serves `/admin/full-refresh`. */
  url: string;
  /** Its ADMIN_TOKEN, for `npm run ops -- resync`. */
  adminToken: string;
  /** SIGTERM (a graceful stop), and SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the writer against the simulator on the auditor fixture's copies of the stock, products,
 * orders, sync and exceptions topics (its consumer group reads them from the start), and waits until
 * it is ready. The full-refresh schedule is off: a refresh runs only when asked for.
 */
export async function startInventoryWriter(options: {
  sim: { url: string; clientId: string; clientSecret: string };
  topics: Record<TableName, string>;
  inventoryLists: string;
}): Promise<InventoryWriterProcess> {
  const { sim, topics } = options;
  const adminToken = randomBytes(16).toString('hex');
  const service = spawnService(
    'sfcc-inventory-writer',
    {
      LOG_LEVEL: 'warn',
      KAFKA_GROUP_ID: uniqueName('auditor-drift-writer.group'),
      WRITER_TEST_TOPICS: JSON.stringify({
        stock: topics.stock,
        products: topics.products,
        orders: topics.orders,
        sync: topics.syncs,
        exceptions: topics.exceptions,
      }),
      SFCC_HOST: sim.url,
      SFCC_CLIENT_ID: sim.clientId,
      SFCC_CLIENT_SECRET: sim.clientSecret,
      INVENTORY_LISTS: options.inventoryLists,
      CLOCK_SKEW_MARGIN_MS: '0',
      COMMIT_INTERVAL_MS: '200',
      FULL_REFRESH_CRON: 'off',
      ADMIN_TOKEN: adminToken,
    },
    await freeLowPort(),
    { entry: WRITER_FIXTURE },
  );
  try {
    await service.waitUntilReady(60_000);
  } catch (error) {
    await service.stop('SIGKILL');
    throw error;
  }
  return {
    service,
    url: service.opsUrl,
    adminToken,
    async stop(graceMs = 15_000) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const ended = await Promise.race([service.stop('SIGTERM'), late]);
      clearTimeout(timer);
      if (ended === 'late') await service.stop('SIGKILL');
    },
  };
}
