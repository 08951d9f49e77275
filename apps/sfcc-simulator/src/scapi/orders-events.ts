import type { OrdersTypes } from 'commerce-sdk';
import type { SimOrder } from '../storefront/order-store';

/** Why an `oms-status-events` body is refused (400/409), or undefined when it is accepted. */
export function validateOmsStatusEvent(
  order: SimOrder,
  body: OrdersTypes.OmsStatusEventRequest,
): { status: 400 | 409; detail: string } | undefined {
  const bad = (detail: string) => ({ status: 400 as const, detail });
  const hasEvent = body.fulfillmentEvent !== undefined;
  if (hasEvent === (body.adjustment !== undefined))
    return bad('Exactly one of fulfillmentEvent or adjustment must be present.');
  if (!hasEvent) return undefined;
  const event = body.fulfillmentEvent as Partial<OrdersTypes.OmsFulfillmentEvent>;
  for (const field of ['id', 'occurredAt', 'type'] as const)
    if (typeof event[field] !== 'string' || event[field] === '')
      return bad(`fulfillmentEvent.${field} is required.`);
  if (Number.isNaN(Date.parse(String(event.occurredAt))))
    return bad('fulfillmentEvent.occurredAt must be a date-time.');
  if (event.type !== 'processing' && (!event.trackingNumber || !event.trackingUrl))
    return bad(`A '${event.type}' fulfillmentEvent needs trackingNumber and trackingUrl.`);
  if (!Array.isArray(event.lineItems) || event.lineItems.length === 0)
    return bad('fulfillmentEvent.lineItems must list at least one line item.');
  for (const line of event.lineItems) {
    if (!order.productItems.some((i) => i.itemId === line?.id))
      return bad(`Line item '${String(line?.id)}' does not exist on order ${order.orderNo}.`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1)
      return bad(`Line item '${line.id}' needs a positive integer quantity.`);
  }
  if (order.status === 'cancelled') return { status: 409, detail: `Order ${order.orderNo} is cancelled.` };
  return undefined;
}
