import type { SfccFulfillmentEvent, SfccOrder, SfccShippingStatus } from './sfcc-order.model';

/** SCAPI order export status values. */
export type SfccExportStatus = 'not_exported' | 'ready' | 'exported' | 'failed';

/** SCAPI order status values. */
export type SfccOrderStatus = 'created' | 'new' | 'open' | 'completed' | 'cancelled' | 'replaced' | 'failed';

/** Query of `GET /organizations/{org}/orders` (SCAPI Orders admin API). */
export interface SfccOrderQuery {
  exportStatus?: SfccExportStatus;
  status?: SfccOrderStatus;
  creationDateFrom?: string;
  creationDateTo?: string;
  lastModifiedDateFrom?: string;
  sortBy?: 'creation_date' | 'last_modified';
  sortOrder?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** One page of orders. */
export interface SfccOrderPage {
  data: SfccOrder[];
  limit: number;
  offset: number;
  total: number;
}

/**
 * The SCAPI Orders admin calls the order-dispatch bridge makes. Implemented over commerce-sdk's
 * `Orders` client by `@wair-sfcc/sfcc-client`; failures surface as `UpstreamCallError`
 * (system `SFCC`) after the adapter's own bounded retries. A 409 (invalid state transition) is not
 * retriable.
 */
export interface ScapiOrdersPort {
  listOrders(query: SfccOrderQuery): Promise<SfccOrderPage>;
  /** The order, or undefined when SCAPI answers 404. */
  getOrder(orderNo: string): Promise<SfccOrder | undefined>;
  updateExportStatus(orderNo: string, status: SfccExportStatus): Promise<void>;
  updateShippingStatus(orderNo: string, status: SfccShippingStatus): Promise<void>;
  updateStatus(orderNo: string, status: SfccOrderStatus): Promise<void>;
  /** `PATCH` of custom attributes (`c_*` keys only). */
  updateAttributes(orderNo: string, attributes: Record<string, string>): Promise<void>;
  /** `POST oms-status-events` with a `fulfillmentEvent` (202). */
  postFulfillmentEvent(orderNo: string, event: SfccFulfillmentEvent): Promise<void>;
}
