import {
  findSkuMismatches,
  findSyncDelays,
  findUnacceptedOrders,
  findUnconfirmedDispatches,
} from '@wair-sfcc/audit-rules';
import type { ExceptionType, WairSku } from '@wair-sfcc/contracts';
import type { AuditorTables } from '../state/auditor-tables';
import { skuRowStatus } from '../state/row-codecs';
import type { AuditDefinition } from './audit-definition';
import type { InventoryDriftAudit } from './inventory-drift.audit';

const BLANK_SKU: WairSku = {
  sku: '',
  styleCode: '',
  itemCode: '',
  colour: '',
  size: '',
  barcode: null,
  status: 'ACTIVE',
  modifiedAt: 0,
};

export interface AuditSettings {
  intervals: Record<ExceptionType, number>;
  syncSlaMs: number;
  dispatchSlaMs: number;
  orderSlaMs: number;
  /** Lists each SKU must have a sync outcome for (the writer writes every mapped list). */
  listIds: readonly string[];
}

/**
 * The five audits over the rebuilt tables. INVENTORY_DRIFT exists only when SFCC inventory can be
 * read back; the others read Kafka state alone.
 */
export function createAuditDefinitions(
  tables: AuditorTables,
  settings: AuditSettings,
  drift: InventoryDriftAudit | undefined,
): AuditDefinition[] {
  const audits: AuditDefinition[] = [
    {
      type: 'SKU_MISMATCH',
      intervalMs: settings.intervals.SKU_MISMATCH,
      find: async () => {
        // Decoding every SKU only to read its status would cost a million objects per run.
        // The rule reads the id and status only.
        function* skus(): Generator<WairSku> {
          for (const [sku, row] of tables.skus.rawEntries()) {
            yield { ...BLANK_SKU, sku, status: skuRowStatus(row) };
          }
        }
        const findings = findSkuMismatches({
          wairSkus: skus(),
          products: tables.products,
          inventoryRecords: drift?.offCatalogRecords(),
        });
        return {
          findings,
          // A WAIR SKU of the master was judged against the whole catalog: the writer's
          // SKU_MISMATCH about it is resolved here once the product is sellable. Codes outside the
          // master (wair-ingest's identifier-rule findings) stay with the app that raised them.
          adopts: (subject) => tables.skus.has(subject),
          stats: { wairSkus: tables.skus.size, sfccProducts: tables.products.size },
        };
      },
    },
    {
      type: 'SYNC_DELAY',
      intervalMs: settings.intervals.SYNC_DELAY,
      find: async (now) => ({
        findings: findSyncDelays(tables.stock.values(), tables.syncs, {
          now,
          slaMs: settings.syncSlaMs,
          listsFor: () => settings.listIds,
        }),
        stats: { skus: tables.stock.size },
      }),
    },
    {
      type: 'DISPATCH_NOT_CONFIRMED',
      intervalMs: settings.intervals.DISPATCH_NOT_CONFIRMED,
      find: async (now) => ({
        findings: findUnconfirmedDispatches(tables.dispatches.values(), tables.fulfilments, {
          now,
          slaMs: settings.dispatchSlaMs,
        }),
        stats: { orders: tables.dispatches.size },
      }),
    },
    {
      type: 'ORDER_NOT_ACCEPTED',
      intervalMs: settings.intervals.ORDER_NOT_ACCEPTED,
      find: async (now) => ({
        findings: findUnacceptedOrders(tables.orders.values(), { now, slaMs: settings.orderSlaMs }),
        stats: { orders: tables.orders.size },
      }),
    },
  ];
  if (drift) {
    audits.splice(1, 0, {
      type: 'INVENTORY_DRIFT',
      intervalMs: settings.intervals.INVENTORY_DRIFT,
      find: drift.find,
    });
  }
  return audits;
}
