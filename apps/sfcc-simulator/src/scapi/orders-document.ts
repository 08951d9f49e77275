import type { OrdersTypes } from 'commerce-sdk';
import type { SimOrder } from '../storefront/order-store';

/**
 * The SCAPI `Order` of a stored order. Simulator bookkeeping (`inventoryListId`, `oversold`) stays
 * out; `productId`/`taxRate` are cast because malformed test orders may lack what the SDK requires.
 */
export function toScapiOrder(order: SimOrder): OrdersTypes.Order {
  return {
    orderNo: order.orderNo,
    siteId: order.siteId,
    creationDate: order.creationDate,
    lastModified: order.lastModified,
    status: order.status as OrdersTypes.OrderStatus,
    exportStatus: order.exportStatus,
    shippingStatus: order.shippingStatus,
    confirmationStatus: order.confirmationStatus,
    paymentStatus: order.paymentStatus,
    currency: order.currency,
    orderTotal: order.orderTotal,
    customerInfo: { ...order.customerInfo },
    billingAddress: { ...order.billingAddress },
    productItems: order.productItems.map(
      (item): OrdersTypes.ProductItem =>
        ({
          itemId: item.itemId,
          productId: item.productId,
          quantity: item.quantity,
          shipmentId: item.shipmentId,
          inventoryId: item.inventoryListId,
          basePrice: item.basePrice,
          priceAfterOrderDiscount: Math.round(item.basePrice * item.quantity * 100) / 100,
          taxRate: 0.21,
        }) as OrdersTypes.ProductItem,
    ),
    shipments: order.shipments.map((s): OrdersTypes.Shipment => ({
      shipmentId: s.shipmentId,
      shipmentNo: s.shipmentNo,
      shippingStatus: s.shippingStatus,
      shippingMethod: { ...s.shippingMethod },
      shippingAddress: { ...s.shippingAddress },
      ...(s.trackingNumber === undefined ? {} : { trackingNumber: s.trackingNumber }),
    })),
    ...order.custom,
  };
}
