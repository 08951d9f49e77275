import { Orders, type OrdersTypes } from 'commerce-sdk';
import type {
  ScapiOrdersPort,
  SfccFulfillmentEvent,
  SfccOrder,
  SfccOrderPage,
  SfccOrderQuery,
} from '@wair-sfcc/order-domain';
import type { AccessTokenProvider } from '../auth/account-manager-token.client';
import type { SfccResilience } from '../resilience/sfcc-resilience';
import { callScapi, type ScapiCallContext } from './scapi-orders-call';

export interface ScapiOrdersClientOptions {
  /** SCAPI host with scheme, e.g. `https://kv7kzm78.api.commercecloud.salesforce.com` (or the simulator). */
  scapiHost: string;
  /** `f_ecom_<realm>_<instance>`. */
  organizationId: string;
  /** Site whose orders are read and written (SCAPI requires it on every Orders call). */
  siteId: string;
  tokens: AccessTokenProvider;
  resilience: SfccResilience;
  /** Per-request timeout (ms) handed to the SDK's fetch; default 30 s. */
  timeoutMs?: number;
  now?: () => number;
}

const SORT_BY: Record<NonNullable<SfccOrderQuery['sortBy']>, OrdersTypes.GetOrdersSortByEnum> = {
  creation_date: 'creation_date',
  last_modified: 'last_modified_date',
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * {@link ScapiOrdersPort} over Salesforce's commerce-sdk `Orders` client (SCAPI Orders admin API),
 * with the SDK's own retries off: our limiter, backoff and breaker decide, and what fails after
 * them is an `UpstreamCallError` (retriable for 429/5xx/network, not for 400/403/404/409).
 */
export function createScapiOrdersClient(options: ScapiOrdersClientOptions): ScapiOrdersPort {
  const orders = new Orders({
    baseUri: `${options.scapiHost.replace(/\/+$/, '')}/checkout/orders/v1`,
    parameters: { organizationId: options.organizationId, shortCode: 'unused' },
    retrySettings: { retries: 0 },
    headers: {},
    fetchOptions: { timeout: options.timeoutMs ?? 30_000 },
  });
  const ctx: ScapiCallContext = {
    tokens: options.tokens,
    resilience: options.resilience,
    now: options.now ?? Date.now,
  };
  const ids = (orderNo: string) => ({
    organizationId: options.organizationId,
    siteId: options.siteId,
    orderNo,
  });

  return {
    listOrders: (query) =>
      callScapi(ctx, 'getOrders', async (headers): Promise<SfccOrderPage> => {
        const page = await orders.getOrders({
          parameters: {
            organizationId: options.organizationId,
            siteId: options.siteId,
            ...(query.exportStatus ? { exportStatus: [query.exportStatus] } : {}),
            ...(query.status ? { status: query.status } : {}),
            ...(query.creationDateFrom ? { creationDateFrom: query.creationDateFrom } : {}),
            ...(query.creationDateTo ? { creationDateTo: query.creationDateTo } : {}),
            ...(query.lastModifiedDateFrom ? { lastModifiedDateFrom: query.lastModifiedDateFrom } : {}),
            ...(query.sortBy ? { sortBy: SORT_BY[query.sortBy] } : {}),
            ...(query.sortOrder ? { sortOrder: query.sortOrder } : {}),
            limit: query.limit,
            offset: query.offset,
          },
          headers,
        });
        // The SDK hands on whatever JSON came back: a page we cannot use fails naming why.
        if (!isObject(page)) throw new Error('answered 200 without an order page');
        if (page.data !== undefined && !Array.isArray(page.data))
          throw new Error('answered 200 with a non-array data');
        const data: SfccOrder[] = page.data ?? [];
        return {
          data,
          limit: typeof page['limit'] === 'number' ? page['limit'] : query.limit,
          offset: typeof page['offset'] === 'number' ? page['offset'] : query.offset,
          total: typeof page['total'] === 'number' ? page['total'] : query.offset + data.length,
        };
      }),
    getOrder: (orderNo) =>
      callScapi<SfccOrder | undefined>(
        ctx,
        'getOrder',
        async (headers) => {
          const order: unknown = await orders.getOrder({ parameters: ids(orderNo), headers });
          if (!isObject(order)) throw new Error('answered 200 without an order document');
          return order as SfccOrder;
        },
        () => undefined,
      ),
    updateExportStatus: (orderNo, status) =>
      callScapi(ctx, 'updateOrderExportStatus', (headers) =>
        orders.updateOrderExportStatus({ parameters: ids(orderNo), headers, body: { status } }),
      ),
    updateShippingStatus: (orderNo, status) =>
      callScapi(ctx, 'updateOrderShippingStatus', (headers) =>
        orders.updateOrderShippingStatus({ parameters: ids(orderNo), headers, body: { status } }),
      ),
    updateStatus: (orderNo, status) =>
      callScapi(ctx, 'updateOrderStatus', (headers) =>
        orders.updateOrderStatus({
          parameters: ids(orderNo),
          headers,
          // The port also allows `open`/`replaced`, which SFCC knows but the SDK's enum omits.
          body: { status: status as OrdersTypes.OrderStatusUpdateRequestStatusEnum },
        }),
      ),
    updateAttributes: async (orderNo, attributes) => {
      const wrong = Object.keys(attributes).find((k) => !k.startsWith('c_'));
      if (wrong) throw new TypeError(`updateAttributes takes c_* attributes only, got '${wrong}'`);
      await callScapi(ctx, 'updateOrder', (headers) =>
        orders.updateOrder({ parameters: ids(orderNo), headers, body: { ...attributes } }),
      );
    },
    postFulfillmentEvent: (orderNo, event: SfccFulfillmentEvent) =>
      callScapi(ctx, 'createOmsStatusEvent', (headers) =>
        orders.createOmsStatusEvent({
          parameters: ids(orderNo),
          headers,
          body: { fulfillmentEvent: { ...event, lineItems: event.lineItems.map((l) => ({ ...l })) } },
        }),
      ),
  };
}
