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
 * Web orders WAIR fulfils from WEB01: each internal order ships in one or two parcels (split
 * shipments), and each shipment takes the stock out of WEB01. Issue 6 adds orders received through
 * POST /Sales; they are dispatched the same way through {@link dispatchOrder}.
 */
export function createDispatchBook(model: StockModel, random: SeededRandom, clock: () => number) {
  const dispatches = new Map<string, DispatchRecord>();
  let orderSerial = 0;
  let dispatchSerial = 0;

  function dispatchOrder(orderNumber: string, lines: Array<{ skuCode: string; quantity: number }>) {
    const parts = lines.length > 1 && random.chance(0.3) ? [lines.slice(0, 1), lines.slice(1)] : [lines];
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
        const cur = model.get(line.skuCode, 'WEB01') ?? { onHand: 0, reserved: 0 };
        out.stock.push(
          model.set(
            'DISPATCH',
            line.skuCode,
            'WEB01',
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
