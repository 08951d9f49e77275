import express, { type Request, type Response, type Router } from 'express';
import type { OrdersTypes } from 'commerce-sdk';
import type { TokenStore } from '../auth/token-store';
import type { OrderStore, SimOrder } from '../storefront/order-store';
import { toScapiOrder } from './orders-document';
import { validateOmsStatusEvent } from './orders-events';
import { parseOrderQuery } from './orders-query';
import {
  EXPORT_STATUSES,
  ORDER_STATUSES,
  SHIPPING_STATUSES,
  transitionConflict,
  type OrderStatusField,
} from './orders-transitions';
import { sendScapiError } from './scapi-error';

type StatusUpdateRequest =
  | OrdersTypes.OrderExportStatusUpdateRequest
  | OrdersTypes.OrderShippingStatusUpdateRequest
  | OrdersTypes.OrderStatusUpdateRequest;

const ORDER_SCOPES = ['sfcc.orders', 'sfcc.orders.rw'];
const BASE = '/checkout/orders/v1/organizations/:organizationId/orders';

export interface OrdersRoutesOptions {
  tokens: TokenStore;
  organizationId: string;
  orders: OrderStore;
  now: () => number;
}

/**
 * SCAPI Orders admin API as commerce-sdk's `Orders` client calls it (list, get, status updates,
 * custom attributes, OMS fulfilment events). Handlers are typed with the SDK's own models.
 */
export function createOrdersRoutes(options: OrdersRoutesOptions): Router {
  const router = express.Router();
  router.use(BASE, express.json({ limit: '1mb', type: () => true }));

  /** Auth, scope, organization and site checks; answers the error itself when one fails. */
  const admit = (req: Request, res: Response): boolean => {
    const check = options.tokens.check(req.headers.authorization);
    if (!check.ok) {
      sendScapiError(res, 401, `The access token is ${check.reason}.`);
      return false;
    }
    if (!check.token.scope.some((s) => ORDER_SCOPES.includes(s))) {
      sendScapiError(res, 403, `The access token lacks scope ${ORDER_SCOPES.join(' or ')}.`);
      return false;
    }
    if (req.params['organizationId'] !== options.organizationId) {
      sendScapiError(
        res,
        403,
        `Organization '${req.params['organizationId']}' is not accessible with this token.`,
      );
      return false;
    }
    if (typeof req.query['siteId'] !== 'string' || req.query['siteId'] === '') {
      sendScapiError(res, 400, `The query parameter 'siteId' is required.`);
      return false;
    }
    return true;
  };
  const orderOf = (req: Request, res: Response): SimOrder | undefined => {
    if (!admit(req, res)) return undefined;
    const order = options.orders.get(String(req.params['orderNo']));
    if (!order || order.siteId !== req.query['siteId']) {
      sendScapiError(
        res,
        404,
        `No order with number '${req.params['orderNo']}' in site '${req.query['siteId']}'.`,
      );
      return undefined;
    }
    return order;
  };
  const touch = (order: SimOrder) => {
    order.lastModified = new Date(options.now()).toISOString();
  };

  router.get(BASE, (req, res) => {
    if (!admit(req, res)) return;
    const q = parseOrderQuery(req.query as Record<string, unknown>);
    if (!q.ok) return sendScapiError(res, 400, q.detail);
    const matching = options.orders
      .list()
      .filter((o) => o.siteId === req.query['siteId'] && q.filter(o))
      .sort(q.compare);
    const body: OrdersTypes.OrdersResponse = {
      data: matching.slice(q.offset, q.offset + q.limit).map(toScapiOrder),
      limit: q.limit,
      offset: q.offset,
      total: matching.length,
    };
    res.json(body);
  });

  router.get(`${BASE}/:orderNo`, (req, res) => {
    const order = orderOf(req, res);
    if (order) res.json(toScapiOrder(order));
  });

  const statusRoute = (path: string, field: OrderStatusField, allowed: readonly string[]) =>
    router.put(`${BASE}/:orderNo/${path}`, (req, res) => {
      const order = orderOf(req, res);
      if (!order) return;
      const body = req.body as Partial<StatusUpdateRequest> | undefined;
      const next: unknown = body?.status;
      if (typeof next !== 'string' || !allowed.includes(next))
        return sendScapiError(res, 400, `'status' must be one of ${allowed.join(', ')}.`);
      const conflict = transitionConflict(order, field, next);
      if (conflict) return sendScapiError(res, 409, conflict);
      if (order[field] !== next) {
        Object.assign(order, { [field]: next });
        if (field === 'shippingStatus' && next === 'shipped')
          for (const s of order.shipments) s.shippingStatus = 'shipped';
        touch(order);
      }
      res.status(204).end();
    });
  statusRoute('export-status', 'exportStatus', EXPORT_STATUSES);
  statusRoute('shipping-status', 'shippingStatus', SHIPPING_STATUSES);
  statusRoute('status', 'status', ORDER_STATUSES);

  router.patch(`${BASE}/:orderNo`, (req, res) => {
    const order = orderOf(req, res);
    if (!order) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const entries = Object.entries(body);
    if (entries.length === 0) return sendScapiError(res, 400, 'The request body has no attributes.');
    const wrong = entries.find(
      ([k, v]) => !/^c_\w+$/.test(k) || !['string', 'number', 'boolean'].includes(typeof v),
    );
    if (wrong)
      return sendScapiError(
        res,
        400,
        `Only custom attributes (c_*) with scalar values can be updated; got '${wrong[0]}'.`,
      );
    for (const [k, v] of entries) order.custom[k] = v as string | number | boolean;
    touch(order);
    res.status(204).end();
  });

  router.post(`${BASE}/:orderNo/oms-status-events`, (req, res) => {
    const order = orderOf(req, res);
    if (!order) return;
    const body = (req.body ?? {}) as OrdersTypes.OmsStatusEventRequest;
    const problem = validateOmsStatusEvent(order, body);
    if (problem) return sendScapiError(res, problem.status, problem.detail);
    const event = body.fulfillmentEvent;
    if (event?.type === 'shipped') {
      const shipmentIds = new Set(
        event.lineItems.map((l) => order.productItems.find((i) => i.itemId === l.id)?.shipmentId),
      );
      for (const s of order.shipments)
        if (shipmentIds.has(s.shipmentId)) s.trackingNumber = event.trackingNumber;
      options.orders.recordDispatchEmail({
        orderNo: order.orderNo,
        eventId: event.id,
        trackingNumber: String(event.trackingNumber),
        at: new Date(options.now()).toISOString(),
      });
      touch(order);
    }
    res.status(202).end();
  });
  return router;
}
