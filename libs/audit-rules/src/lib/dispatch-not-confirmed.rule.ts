import type { Fulfilment, OrderDispatches } from '@wair-sfcc/contracts';
import { isDispatchOverdue } from '@wair-sfcc/order-domain';
import { formatDuration, type Finding } from './finding.model';

export interface DispatchNotConfirmedOptions {
  now: number;
  /** Agreed time from WAIR dispatch to SFCC shipped. */
  slaMs: number;
  /** Overdue longer than this (default 4 × SLA) is HIGH; a shipment the bridge gave up on is HIGH at once. */
  escalateAfterMs?: number;
}

/**
 * DISPATCH_NOT_CONFIRMED (owner CX): shipments WAIR dispatched more than the SLA ago that
 * `sfcc.fulfilment.v1` does not show CONFIRMED — the customer has not had the dispatch e-mail. One
 * finding per order listing its overdue dispatches.
 */
export function findUnconfirmedDispatches(
  dispatches: Iterable<OrderDispatches>,
  fulfilments: ReadonlyMap<string, Fulfilment>,
  options: DispatchNotConfirmedOptions,
): Finding[] {
  const escalate = options.escalateAfterMs ?? options.slaMs * 4;
  const findings: Finding[] = [];
  for (const od of dispatches) {
    const f = fulfilments.get(od.orderNo);
    const byId = new Map((f?.shipments ?? []).map((s) => [s.dispatchId, s]));
    const overdue = od.dispatches.filter((d) => {
      const c = byId.get(d.dispatchId);
      const confirmedAt = c?.outcome === 'CONFIRMED' ? (c.confirmedAt ?? d.dispatchedAt) : null;
      return isDispatchOverdue({ dispatchedAt: d.dispatchedAt, confirmedAt }, options.now, options.slaMs);
    });
    if (overdue.length === 0) continue;
    const oldest = Math.min(...overdue.map((d) => d.dispatchedAt));
    const failed = overdue.filter((d) => byId.get(d.dispatchId)?.outcome === 'FAILED');
    const lastError = overdue.map((d) => byId.get(d.dispatchId)?.lastError).find((e) => e) ?? null;
    findings.push({
      type: 'DISPATCH_NOT_CONFIRMED',
      subjectType: 'ORDER',
      subject: od.orderNo,
      owner: 'CX',
      severity: failed.length > 0 || options.now - oldest > escalate ? 'HIGH' : 'MEDIUM',
      detail:
        `order ${od.orderNo}: ${overdue.length} WAIR dispatch(es) not confirmed in SFCC within ${formatDuration(options.slaMs)} ` +
        `(${overdue.map((d) => d.dispatchId).join(', ')})${failed.length > 0 ? '; the bridge gave up retrying' : ''}`,
      data: {
        dispatchIds: overdue.map((d) => d.dispatchId).join(','),
        oldestDispatchedAt: new Date(oldest).toISOString(),
        failedDispatchIds: failed.map((d) => d.dispatchId).join(','),
        lastError: lastError ?? '',
      },
    });
  }
  return findings;
}
