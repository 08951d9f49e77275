import { createSeededRandom } from '@wair-sfcc/sim-catalogue';
import { createTokenStore } from '../auth/token-store';
import { buildSfccCatalog } from '../catalog/sim-sfcc-catalog';
import { defaultFaultSettings, type FaultSettings } from '../faults/fault-settings';
import { createJobExecutions } from '../impex/job-executions';
import { createWebdavStore } from '../impex/webdav-store';
import { createInventoryStore } from '../inventory/inventory-store';
import { createOrderStore } from '../storefront/order-store';
import { createStorefront } from '../storefront/storefront';
import type { SimulatorConfig } from './config';

/** Everything the simulator holds, built from its config; `reset()` returns it to the start. */
export function createSimState(config: SimulatorConfig, now: () => number = Date.now) {
  const catalog = buildSfccCatalog({
    seed: config.SIM_SEED,
    skuCount: config.SIM_SKU_COUNT,
    mismatchShare: config.SIM_MISMATCH_SHARE,
    simpleProducts: config.SIM_SIMPLE_PRODUCTS,
  });
  const tokens = createTokenStore({ ttlSeconds: config.SIM_TOKEN_TTL_SECONDS, now });
  const orders = createOrderStore();
  const inventory = createInventoryStore({
    lists: config.SIM_INVENTORY_LISTS,
    now,
    turnoverSince: orders.turnoverSince,
    productExists: (id) => catalog.byId.has(id),
    rejectUnknownProducts: config.SIM_REJECT_UNKNOWN_PRODUCTS,
  });
  const files = createWebdavStore();
  const jobs = createJobExecutions({
    jobId: config.SIM_IMPEX_JOB_ID,
    files,
    inventory,
    now,
    minDurationMs: 0,
  });
  const storefront = createStorefront({
    inventory,
    orders,
    seed: config.SIM_SEED,
    siteId: 'RefArch',
    listId: config.SIM_ORDER_LIST || (config.SIM_INVENTORY_LISTS[0] as string),
    now,
  });
  const initialFaults = (): FaultSettings =>
    defaultFaultSettings(
      config.SIM_RATE_LIMIT_PER_SECOND > 0
        ? { ratePerSecond: config.SIM_RATE_LIMIT_PER_SECOND, burst: config.SIM_RATE_LIMIT_BURST }
        : null,
    );
  let faults = initialFaults();
  const random = createSeededRandom(`faults:${config.SIM_SEED}`);
  return {
    config,
    now,
    catalog,
    tokens,
    orders,
    inventory,
    files,
    jobs,
    storefront,
    random: () => random.next(),
    faults: () => faults,
    setFaults(next: FaultSettings): void {
      faults = next;
    },
    /** Clears records, history, orders, files, jobs, tokens and faults; the catalog stays. */
    reset(): void {
      inventory.reset();
      orders.reset();
      files.reset();
      jobs.reset();
      tokens.reset();
      faults = initialFaults();
    },
  };
}

export type SimState = ReturnType<typeof createSimState>;
