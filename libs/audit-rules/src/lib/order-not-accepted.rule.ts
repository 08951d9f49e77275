import type { OrderFact } from '@wair-sfcc/contracts';
import { formatDuration, type Finding } from './finding.model';

export interface OrderNotAcceptedOptions {
  now: number;
  /** Time from capture to WAIR acceptance. */
  slaMs: number;
  /** Waiting longer than this (default 4 × SLA) is HIGH. */
  escalateAfterMs?: number;
}

/**
 * ORDER_NOT_ACCEPTED (owner OPS): orders captured more than the SLA ago that WAIR has not accepted,
 * and orders WAIR rejected (HIGH: they will not be fulfilled without a person). Accepted and
 * cancelled orders are fine, so an exception resolves once the order is accepted or cancelled.
 */
export function findUnacceptedOrders(
  orders: Iterable<OrderFact>,
  options: OrderNotAcceptedOptions,
): Finding[] {
  const escalate = options.escalateAfterMs ?? options.slaMs * 4;
  const findings: Finding[] = [];
  for (const o of orders) {
    const base = {
      type: 'ORDER_NOT_ACCEPTED' as const,
      subjectType: 'ORDER' as const,
      subject: o.orderNo,
      owner: 'OPS' as const,
    };
    const data = {
      siteId: o.siteId,
      state: o.state,
      capturedAt: new Date(o.capturedAt).toISOString(),
      lines: String(o.lines.length),
    };
    if (o.state === 'REJECTED') {
      findings.push({
        ...base,
        severity: 'HIGH',
        detail: `order ${o.orderNo} was rejected by WAIR: ${o.rejectionReason ?? 'no reason given'}`,
        data: { ...data, rejectionReason: o.rejectionReason ?? '' },
      });
    } else if (o.state === 'CAPTURED' && options.now - o.capturedAt > options.slaMs) {
      findings.push({
        ...base,
        severity: options.now - o.capturedAt > escalate ? 'HIGH' : 'MEDIUM',
        detail: `order ${o.orderNo} captured at ${data.capturedAt} is not accepted by WAIR within ${formatDuration(options.slaMs)}`,
        data,
      });
    }
  }
  return findings;
}
