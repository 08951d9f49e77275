import type { SeededRandom } from '@wair-sfcc/sim-catalogue';
import type { StockModel, StockRow } from './stock-model';

/** A dispatch as the Dispatches feed returns it. */
export interface DispatchRecord {
  dispatchId: string;
  orderNumber: string;
  carrier: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string;
  lines: Array<{ skuCode: string; quantity: number }>;
  dispatchedDateTime: string;
  modifiedDateTime: string;
}

const CARRIERS = [
  { carrier: 'DPD', service: 'NEXT_DAY' },
  { carrier: 'Royal Mail', service: 'TRACKED_48' },
  { carrier: 'DHL', service: null },
];

/**
 * Web orders WAIR fulfils from WEB01: each order ships in one or several parcels (split shipments),
 * and each shipment takes the stock out of the location (onHand and reserved drop). Orders received
 * through POST /Sales (see order-book.ts) are dispatched the same way through `dispatchOrder`.
 */
export function createDispatchBook(model: StockModel, random: SeededRandom, clock: () => number) {
  const dispatches = new Map<string, DispatchRecord>();
  let orderSerial = 0;
  let dispatchSerial = 0;

  /** Ships an order from `locationCode`, in one parcel or (at `splitRate`) up to three. */
  function dispatchOrder(
    orderNumber: string,
    lines: Array<{ skuCode: string; quantity: number }>,
    { splitRate = 0.3, locationCode = 'WEB01' }: { splitRate?: number; locationCode?: string } = {},
  ) {
    const parcels = lines.length > 1 && random.chance(splitRate) ? Math.min(lines.length, 3) : 1;
    const parts = Array.from({ length: parcels }, (_, i) =>
      i < parcels - 1 ? lines.slice(i, i + 1) : lines.slice(i),
    );
    const out: { dispatches: DispatchRecord[]; stock: StockRow[] } = { dispatches: [], stock: [] };
    for (const part of parts) {
      dispatchSerial += 1;
      const { carrier, service } = random.pick(CARRIERS);
      const trackingNumber = `TRK${String(100000000 + dispatchSerial)}`;
      const at = new Date(clock()).toISOString();
      const record: DispatchRecord = {
        dispatchId: `DSP-${String(dispatchSerial).padStart(7, '0')}`,
        orderNumber,
        carrier,
        service,
        trackingNumber,
        trackingUrl: `https://tracking.example.com/${trackingNumber}`,
        lines: part,
        dispatchedDateTime: at,
        modifiedDateTime: at,
      };
      dispatches.delete(record.dispatchId);
      dispatches.set(record.dispatchId, record);
      out.dispatches.push(record);
      for (const line of part) {
        const cur = model.get(line.skuCode, locationCode) ?? { onHand: 0, reserved: 0 };
        out.stock.push(
          model.set(
            'DISPATCH',
            line.skuCode,
            locationCode,
            Math.max(0, cur.onHand - line.quantity),
            Math.max(0, cur.reserved - line.quantity),
          ),
        );
      }
    }
    return out;
  }

  return {
    dispatchOrder,
    /** Creates an internal web order for 1–3 SKUs and dispatches it. */
    dispatchInternalOrder() {
      orderSerial += 1;
      const count = random.int(1, 3);
      const lines = Array.from({ length: count }, () => ({
        skuCode: random.pick(model.catalogue.skus).sku,
        quantity: random.int(1, 2),
      }));
      const merged = [...new Map(lines.map((l) => [l.skuCode, l])).values()];
      return dispatchOrder(`SIM${String(orderSerial).padStart(8, '0')}`, merged);
    },
    changedSince(from: number | undefined): DispatchRecord[] {
      return [...dispatches.values()].filter(
        (d) => from === undefined || Date.parse(d.modifiedDateTime) >= from,
      );
    },
    count: () => dispatches.size,
  };
}

export type DispatchBook = ReturnType<typeof createDispatchBook>;
