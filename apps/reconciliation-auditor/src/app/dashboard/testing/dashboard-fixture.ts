import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  buildOrderFact,
  buildProduct,
  buildStockLevel,
  buildSync,
  buildWairSku,
} from '@wair-sfcc/audit-rules/testing';
import type {
  ExceptionType,
  Fulfilment,
  IntegrationException,
  OrderDispatches,
  OwnerTeam,
  Severity,
} from '@wair-sfcc/contracts';
import { InMemoryLagSource } from '@wair-sfcc/observability/testing';
import { createAuditorApiRouter } from '../../api/auditor-api.routes';
import type { ApiAuthSettings } from '../../api/api-auth';
import { createAuditDefinitions } from '../../audits/audit-definitions';
import { createAuditScheduler } from '../../audits/audit-scheduler';
import { createFlowsHealth } from '../../lookups/flows-health';
import { createConsumerLagView } from '../../lookups/consumer-lag';
import { createOrderTimeline } from '../../lookups/order-timeline';
import { createSkuLookup } from '../../lookups/sku-lookup';
import { createAuditorHarness, type AuditorHarness } from '../../testing/auditor-harness';
import { createDashboardRouter } from '../dashboard.routes';

const HOUR = 3_600_000;

/** An exception row as the auditor would have published it (no personal data, like the real ones). */
export function buildException(
  type: ExceptionType,
  owner: OwnerTeam,
  severity: Severity,
  subject: string,
  at: number,
): IntegrationException {
  return {
    id: `${type}:${subject}`,
    type,
    severity,
    owner,
    subjectType: type === 'ORDER_NOT_ACCEPTED' || type === 'DISPATCH_NOT_CONFIRMED' ? 'ORDER' : 'SKU',
    subject,
    detail: `${type.toLowerCase().replace(/_/g, ' ')} on ${subject}`,
    data: {},
    raisedBy: 'reconciliation-auditor',
    firstSeen: at - HOUR,
    lastSeen: at,
    occurrences: 3,
    state: 'OPEN',
    acknowledgedBy: null,
    acknowledgedReason: null,
    resolvedAt: null,
  };
}

/** A harness with a SKU (stock, sync, product), a late and a shipped order, and one exception per owner. */
export function seedDashboardHarness(): AuditorHarness {
  const h = createAuditorHarness();
  const now = h.clock.now();
  h.put('skus', 'SKU-1', buildWairSku('SKU-1'));
  h.put('products', 'SKU-1', buildProduct('SKU-1', 'VARIANT', { pulledAt: now - HOUR }));
  h.put('stock', 'SKU-1', buildStockLevel('SKU-1', now - 2 * HOUR, 3, 9));
  h.put(
    'syncs',
    'SKU-1',
    buildSync('SKU-1', [
      { allocation: 7, sourceAsOf: now - 2 * HOUR, sourceSequence: 3, writtenAt: now - HOUR },
    ]),
  );
  // A write inside the flow window: WAIR figure 90 s old when SFCC got it.
  h.put('stock', 'SKU-3', buildStockLevel('SKU-3', now - 90_000, 1, 4));
  h.put(
    'syncs',
    'SKU-3',
    buildSync('SKU-3', [
      { allocation: 4, sourceAsOf: now - 90_000, sourceSequence: 1, writtenAt: now - 60_000 },
    ]),
  );
  h.put(
    'orders',
    'O-LATE',
    buildOrderFact('O-LATE', {
      createdAt: now - 2 * HOUR,
      capturedAt: now - 2 * HOUR,
      lines: [{ itemId: 'i1', sku: 'SKU-1', quantity: 2, inventoryListId: 'inventory_m' }],
    }),
  );
  h.put(
    'orders',
    'O-OK',
    buildOrderFact('O-OK', {
      createdAt: now - 3 * HOUR,
      capturedAt: now - 3 * HOUR,
      state: 'ACCEPTED_BY_WAIR',
      acceptedAt: now - 3 * HOUR + 60_000,
    }),
  );
  h.put('dispatches', 'O-OK', {
    orderNo: 'O-OK',
    updatedAt: now - HOUR,
    dispatches: [
      {
        dispatchId: 'D1',
        carrier: 'DHL',
        service: null,
        trackingNumber: 'T1',
        trackingUrl: 'https://t/1',
        lines: [{ sku: 'SKU-1', quantity: 2 }],
        dispatchedAt: now - 2 * HOUR,
        modifiedAt: now - 2 * HOUR,
      },
    ],
  } satisfies OrderDispatches);
  h.put('fulfilments', 'O-OK', {
    orderNo: 'O-OK',
    orderShippingStatus: 'SHIPPED',
    updatedAt: now - HOUR,
    shipments: [
      { dispatchId: 'D1', confirmedAt: now - HOUR, attempts: 1, outcome: 'CONFIRMED', lastError: null },
    ],
  } satisfies Fulfilment);
  for (const e of [
    buildException('ORDER_NOT_ACCEPTED', 'OPS', 'MEDIUM', 'O-LATE', now),
    buildException('INVENTORY_DRIFT', 'OPS', 'HIGH', 'SKU-1', now),
    buildException('DISPATCH_NOT_CONFIRMED', 'CX', 'MEDIUM', 'O-CX-1', now),
    buildException('SKU_MISMATCH', 'MERCH', 'MEDIUM', 'SKU-GHOST', now),
    buildException('SKU_MISMATCH', 'MERCH', 'LOW', 'sku-1 ', now),
    buildException('SYNC_DELAY', 'PLATFORM', 'MEDIUM', 'SKU-2', now),
  ]) {
    h.put('exceptions', e.id, e);
  }
  return h;
}

/** An express app with the JSON API at `/api` and the dashboard at `/dashboard`, as create-app mounts them. */
export function createDashboardTestApp(h: AuditorHarness, auth: ApiAuthSettings, pollMs: number) {
  const audits = createAuditDefinitions(
    h.tables,
    {
      intervals: {
        SKU_MISMATCH: 0,
        INVENTORY_DRIFT: 0,
        SYNC_DELAY: 0,
        DISPATCH_NOT_CONFIRMED: 0,
        ORDER_NOT_ACCEPTED: 0,
      },
      syncSlaMs: 60_000,
      dispatchSlaMs: HOUR,
      orderSlaMs: HOUR,
      listIds: ['inventory_m'],
    },
    undefined,
  );
  const scheduler = createAuditScheduler({ audits, run: h.run, clock: h.clock, logger: h.logger });
  const app = express();
  app.use(
    '/api',
    createAuditorApiRouter({
      auth,
      book: h.book,
      scheduler,
      tables: h.tables,
      skuLookup: createSkuLookup({
        tables: h.tables,
        model: h.model,
        book: h.book,
        history: h.skuHistory,
      }),
      orderTimeline: createOrderTimeline({ tables: h.tables, book: h.book }),
      // Real time and no cache: the browser test watches live updates.
      flowsHealth: createFlowsHealth({
        tables: h.tables,
        book: h.book,
        scheduler,
        now: () => Date.now(),
        cacheMs: 0,
        metrics: h.flowMetrics,
      }),
      consumerLag: createConsumerLagView({
        source: new InMemoryLagSource()
          .setEndOffsets('wair.stock.v1', { 0: 120, 1: 7 })
          .setCommittedOffsets('sfcc-inventory-writer', 'wair.stock.v1', { 0: 103, 1: 7 })
          .setEndOffsets('wair.dispatches.v1', { 0: 5 })
          .setCommittedOffsets('order-dispatch-bridge', 'wair.dispatches.v1', { 0: 5 }),
        groups: [
          { groupId: 'sfcc-inventory-writer', topics: ['wair.stock.v1'] },
          { groupId: 'order-dispatch-bridge', topics: ['wair.dispatches.v1'] },
        ],
        now: () => Date.now(),
      }),
      logger: h.logger,
    }),
  );
  app.use('/dashboard', createDashboardRouter({ auth, pollMs }));
  return app;
}

/** Listens on an ephemeral port of the loopback interface. */
export async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
