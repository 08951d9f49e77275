import type { OrderFact } from '@wair-sfcc/contracts';
import type { Finding } from '@wair-sfcc/audit-rules';
import {
  OrderValidationError,
  formatOrderTotal,
  toOrderFact,
  type OrderProblem,
  type SfccOrder,
} from '@wair-sfcc/order-domain';

export type ProjectedOrder =
  | { ok: true; fact: OrderFact }
  /** `fact`: a REJECTED fact of the valid part, so the data team and the auditor see the order. */
  | { ok: false; fact: OrderFact; problems: readonly OrderProblem[] };

/**
 * The CAPTURED fact of an SFCC order (keeping the first capture time of a fact already on the
 * table), or, for a malformed order, a REJECTED fact naming the offending field paths. Only
 * allow-listed, non-personal fields are read.
 */
export function projectOrder(
  order: SfccOrder,
  existing: OrderFact | undefined,
  now: number,
  options: { defaultInventoryList: string },
): ProjectedOrder {
  const capturedAt = existing?.state === 'CAPTURED' ? existing.capturedAt : now;
  const inventoryListFor = () => options.defaultInventoryList || undefined;
  try {
    return { ok: true, fact: toOrderFact(order, { capturedAt, inventoryListFor }) };
  } catch (error) {
    if (!(error instanceof OrderValidationError)) throw error;
    const problems = error.context.problems;
    const created = Date.parse(order.creationDate ?? '');
    const fact: OrderFact = {
      orderNo: order.orderNo,
      siteId: order.siteId ?? '',
      createdAt: Number.isNaN(created) ? now : created,
      lines: (order.productItems ?? [])
        .filter((i) => i.itemId && i.productId && Number.isInteger(i.quantity) && (i.quantity as number) > 0)
        .map((i) => ({
          itemId: i.itemId as string,
          sku: i.productId as string,
          quantity: i.quantity as number,
          inventoryListId: i.inventoryId ?? options.defaultInventoryList,
        })),
      state: 'REJECTED',
      capturedAt: now,
      acceptedAt: null,
      rejectionReason: `malformed in SFCC: ${describeProblems(problems)}`,
      orderTotal: Number.isFinite(order.orderTotal) ? formatOrderTotal(order.orderTotal) : null,
      currency: order.currency ?? '',
    };
    return { ok: false, fact, problems };
  }
}

/** Field paths and rules only: the values could be personal data. */
export function describeProblems(problems: readonly OrderProblem[]): string {
  return problems.map((p) => `${p.path} ${p.reason}`).join('; ');
}

/** ORDER_NOT_ACCEPTED (owner OPS) for an order WAIR refused or SFCC sent malformed. */
export function orderNotAcceptedFinding(
  fact: OrderFact,
  cause: 'MALFORMED' | 'REJECTED_BY_WAIR',
  problems: readonly OrderProblem[] = [],
): Finding & { type: 'ORDER_NOT_ACCEPTED' } {
  const detail =
    cause === 'MALFORMED'
      ? `order ${fact.orderNo} is malformed in SFCC and was not sent to WAIR (${describeProblems(problems)}); ` +
        'fix the order in SFCC and set its export status back to ready'
      : `order ${fact.orderNo} was rejected by WAIR: ${fact.rejectionReason ?? 'no reason given'}; ` +
        'correct it and set its SFCC export status back to ready to resend';
  return {
    type: 'ORDER_NOT_ACCEPTED',
    subjectType: 'ORDER',
    subject: fact.orderNo,
    owner: 'OPS',
    severity: 'HIGH',
    detail,
    data: {
      cause,
      siteId: fact.siteId,
      fields: problems.map((p) => p.path).join(','),
      rejectionReason: fact.rejectionReason ?? '',
    },
  };
}
