import type { Dispatch, OrderDispatches } from '@wair-sfcc/contracts';
import type { DispatchRecord } from './wair-record.schemas';

/** All shipments per order as last published; a shipment is replaced only by a newer version of it. */
export function createDispatchState() {
  const orders = new Map<string, Map<string, Dispatch>>();
  return {
    load(value: OrderDispatches): void {
      orders.set(value.orderNo, new Map(value.dispatches.map((d) => [d.dispatchId, d])));
    },
    apply(record: DispatchRecord, updatedAt: number): OrderDispatches | undefined {
      const shipments = orders.get(record.orderNumber) ?? new Map<string, Dispatch>();
      const modifiedAt = Date.parse(record.modifiedDateTime);
      const held = shipments.get(record.dispatchId);
      if (held && held.modifiedAt >= modifiedAt) return undefined;
      shipments.set(record.dispatchId, {
        dispatchId: record.dispatchId,
        carrier: record.carrier,
        service: record.service ?? null,
        trackingNumber: record.trackingNumber,
        trackingUrl: record.trackingUrl,
        lines: record.lines.map((l) => ({ sku: l.skuCode, quantity: l.quantity })),
        dispatchedAt: Date.parse(record.dispatchedDateTime),
        modifiedAt,
      });
      orders.set(record.orderNumber, shipments);
      return this.current(record.orderNumber, updatedAt);
    },
    current(orderNo: string, updatedAt: number): OrderDispatches | undefined {
      const shipments = orders.get(orderNo);
      if (!shipments) return undefined;
      const dispatches = [...shipments.values()].sort(
        (a, b) => a.dispatchedAt - b.dispatchedAt || a.dispatchId.localeCompare(b.dispatchId),
      );
      return { orderNo, dispatches, updatedAt };
    },
    size: () => orders.size,
  };
}

export type DispatchState = ReturnType<typeof createDispatchState>;
