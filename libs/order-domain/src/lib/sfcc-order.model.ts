/**
 * The part of a SCAPI Orders `Order` (commerce-sdk `OrdersTypes.Order`) this library reads.
 *
 * Declared locally because domain libs may not import commerce-sdk, not even its types (lint's
 * banned-imports rule). Every field mirrors the SDK model with the same name and a compatible type,
 * so an SDK `Order` is assignable to {@link SfccOrder}. Fields the SDK marks as required
 * (`productId`, `shipmentId`) are optional here because malformed orders must be reported, not
 * assumed away.
 */
export interface SfccOrder {
  orderNo: string;
  siteId?: string;
  creationDate?: string;
  status?: string;
  exportStatus?: string;
  shippingStatus?: string;
  currency?: string;
  orderTotal?: number;
  customerInfo?: SfccCustomerInfo;
  billingAddress?: SfccAddress;
  productItems?: SfccProductItem[];
  shipments?: SfccShipment[];
  /** Custom attributes (`c_*`) and anything else the API returns. */
  [key: string]: unknown;
}

/** SCAPI `CustomerInfo`: personal data, sent to WAIR only. */
export interface SfccCustomerInfo {
  customerId?: string;
  customerName?: string;
  customerNo?: string;
  email?: string;
  guest?: boolean;
  [key: string]: unknown;
}

/** SCAPI `Address`: personal data, sent to WAIR only. */
export interface SfccAddress {
  firstName?: string;
  lastName?: string;
  fullName?: string;
  companyName?: string;
  address1?: string;
  address2?: string;
  city?: string;
  postalCode?: string;
  stateCode?: string;
  countryCode?: string;
  phone?: string;
  [key: string]: unknown;
}

/** SCAPI `ProductItem`: one product line item. */
export interface SfccProductItem {
  itemId?: string;
  productId?: string;
  quantity?: number;
  shipmentId?: string;
  inventoryId?: string;
  basePrice?: number;
  priceAfterOrderDiscount?: number;
  [key: string]: unknown;
}

/** SCAPI `Shipment`. */
export interface SfccShipment {
  shipmentId?: string;
  shipmentNo?: string;
  shippingStatus?: string;
  trackingNumber?: string;
  shippingAddress?: SfccAddress;
  shippingMethod?: { id?: string; name?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** SCAPI order shipping status values. */
export type SfccShippingStatus = 'not_shipped' | 'part_shipped' | 'shipped';

/** SCAPI `OmsFulfillmentEvent` as posted to `oms-status-events`. */
export interface SfccFulfillmentEvent {
  id: string;
  type: 'shipped';
  occurredAt: string;
  lineItems: Array<{ id: string; quantity: number }>;
  trackingNumber: string;
  trackingUrl: string;
  carrier: string;
  description?: string;
}
