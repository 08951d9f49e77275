import type { Fulfilment, OrderShippingStatus, ShipmentConfirmation } from '@wair-sfcc/contracts';
import type { SfccShippingStatus } from './sfcc-order.model';

/** The outcome of one attempt to report a dispatch to SFCC. */
export type ShipmentAttempt =
  | { dispatchId: string; at: number; ok: true }
  /** `giveUp`: bounded attempts exhausted, a person must act (outcome FAILED). */
  | { dispatchId: string; at: number; ok: false; error: string; giveUp?: boolean };

/** An empty record for an order nothing was reported for yet. */
export function createFulfilment(orderNo: string, now: number): Fulfilment {
  return { orderNo, shipments: [], orderShippingStatus: 'NOT_SHIPPED', updatedAt: now };
}

/** SCAPI shipping status → the contract enum. */
export function toContractShippingStatus(
  status: SfccShippingStatus | string | undefined,
): OrderShippingStatus {
  if (status === 'shipped') return 'SHIPPED';
  if (status === 'part_shipped') return 'PART_SHIPPED';
  return 'NOT_SHIPPED';
}

function upsertShipment(
  f: Fulfilment,
  dispatchId: string,
  update: (s: ShipmentConfirmation) => ShipmentConfirmation,
  now: number,
): Fulfilment {
  const existing = f.shipments.find((s) => s.dispatchId === dispatchId);
  const base: ShipmentConfirmation = existing ?? {
    dispatchId,
    confirmedAt: null,
    attempts: 0,
    outcome: 'PENDING',
    lastError: null,
  };
  const next = update(base);
  const shipments = existing
    ? f.shipments.map((s) => (s.dispatchId === dispatchId ? next : s))
    : [...f.shipments, next];
  return { ...f, shipments, updatedAt: now };
}

/**
 * Folds one attempt into the record. A confirmed shipment stays confirmed (a late failure of a
 * duplicate attempt does not undo SFCC's acceptance); a failure keeps the error and counts the
 * attempt, PENDING while retrying, FAILED once the bounded attempts are used up.
 */
export function recordShipmentAttempt(f: Fulfilment, attempt: ShipmentAttempt): Fulfilment {
  return upsertShipment(
    f,
    attempt.dispatchId,
    (s) => {
      if (s.outcome === 'CONFIRMED') return { ...s, attempts: s.attempts + 1 };
      if (attempt.ok)
        return {
          ...s,
          attempts: s.attempts + 1,
          outcome: 'CONFIRMED',
          confirmedAt: attempt.at,
          lastError: null,
        };
      return {
        ...s,
        attempts: s.attempts + 1,
        outcome: attempt.giveUp ? 'FAILED' : 'PENDING',
        lastError: attempt.error,
      };
    },
    attempt.at,
  );
}

/** Records a dispatch found already reflected in SFCC (replay or crash recovery) without an attempt. */
export function recordAlreadyConfirmed(f: Fulfilment, dispatchId: string, at: number): Fulfilment {
  const existing = f.shipments.find((s) => s.dispatchId === dispatchId);
  if (existing?.outcome === 'CONFIRMED') return f;
  return upsertShipment(
    f,
    dispatchId,
    (s) => ({ ...s, outcome: 'CONFIRMED', confirmedAt: at, lastError: null }),
    at,
  );
}

/** Records the shipping status now set on the SFCC order. */
export function recordShippingStatus(
  f: Fulfilment,
  status: SfccShippingStatus | string | undefined,
  now: number,
): Fulfilment {
  const next = toContractShippingStatus(status);
  return next === f.orderShippingStatus ? f : { ...f, orderShippingStatus: next, updatedAt: now };
}

/** True when the record says every listed dispatch is confirmed. */
export function isFullyConfirmed(f: Fulfilment | undefined, dispatchIds: readonly string[]): boolean {
  const confirmed = new Set(
    (f?.shipments ?? []).filter((s) => s.outcome === 'CONFIRMED').map((s) => s.dispatchId),
  );
  return dispatchIds.every((id) => confirmed.has(id));
}

/** A WAIR dispatch and, if any, the time SFCC confirmed it. */
export interface DispatchTiming {
  dispatchedAt: number;
  confirmedAt: number | null;
}

/**
 * True when WAIR dispatched the shipment more than `slaMs` ago and SFCC has not confirmed it — the
 * DISPATCH_NOT_CONFIRMED condition. A confirmation, however late, ends it.
 */
export function isDispatchOverdue(shipment: DispatchTiming, now: number, slaMs: number): boolean {
  return shipment.confirmedAt === null && now - shipment.dispatchedAt > slaMs;
}
