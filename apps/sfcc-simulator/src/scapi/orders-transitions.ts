import type { OrdersTypes } from 'commerce-sdk';
import type { SimOrder, SimOrderStatus } from '../storefront/order-store';

/** Allowed moves per field; writing the current value again is always allowed (a no-op). */
const EXPORT: Record<OrdersTypes.OrderExportStatus, OrdersTypes.OrderExportStatus[]> = {
  not_exported: ['ready'],
  ready: ['exported', 'failed', 'not_exported'],
  failed: ['ready', 'exported'],
  exported: ['ready'],
};
const SHIPPING: Record<OrdersTypes.OrderShippingStatus, OrdersTypes.OrderShippingStatus[]> = {
  not_shipped: ['part_shipped', 'shipped'],
  part_shipped: ['shipped'],
  shipped: [],
};
const STATUS: Record<SimOrderStatus, SimOrderStatus[]> = {
  created: ['new', 'failed'],
  new: ['open', 'completed', 'cancelled', 'failed'],
  open: ['new', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
  failed: [],
  replaced: [],
};

export const EXPORT_STATUSES = Object.keys(EXPORT) as OrdersTypes.OrderExportStatus[];
export const SHIPPING_STATUSES = Object.keys(SHIPPING) as OrdersTypes.OrderShippingStatus[];
export const ORDER_STATUSES = Object.keys(STATUS) as SimOrderStatus[];

export type OrderStatusField = 'exportStatus' | 'shippingStatus' | 'status';

/** Why `field` may not become `next`, or undefined when the transition is allowed. */
export function transitionConflict(
  order: SimOrder,
  field: OrderStatusField,
  next: string,
): string | undefined {
  const current = order[field];
  if (current === next) return undefined;
  const allowed: readonly string[] =
    field === 'exportStatus'
      ? EXPORT[order.exportStatus]
      : field === 'shippingStatus'
        ? SHIPPING[order.shippingStatus]
        : STATUS[order.status];
  if (field === 'shippingStatus' && order.status === 'cancelled')
    return `Order ${order.orderNo} is cancelled and cannot be shipped.`;
  if (!allowed.includes(next))
    return `Order ${order.orderNo}: ${field} cannot change from '${current}' to '${next}'.`;
  return undefined;
}
