import type { InventoryStore, InventoryWriteError } from '../inventory/inventory-store';
import type { WriteVia } from '../inventory/inventory-record';
import { parseInventoryBody, toInventoryDocument } from './inventory-record.document';
import { ocapiDocVersion, ocapiFault, type ApiResult } from './ocapi-fault';

/** One Data API call, whether it came alone or as a part of a batch. */
export interface OcapiDataCall {
  method: string;
  /** Path below `/s/-/dw/data/{version}`, e.g. `/inventory_lists/x/product_inventory_records/SKU1`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  via: WriteVia;
  /** Absolute base used for `next` links in paged results. */
  baseUrl: string;
  /** The API client of the bearer token. */
  clientId?: string;
}

/** Extra Data API resources (IMPEX jobs) plug in here so batch parts reach them too. */
export type OcapiExtraHandler = (call: OcapiDataCall) => ApiResult | undefined;

const RECORD = /^\/inventory_lists\/([^/]+)\/product_inventory_records\/([^/]+)$/;
const RECORDS = /^\/inventory_lists\/([^/]+)\/product_inventory_records\/?$/;

function writeFault(version: string, error: InventoryWriteError): ApiResult {
  switch (error.kind) {
    case 'list-not-found':
      return ocapiFault(version, 404, 'InventoryListNotFoundException', error.message);
    case 'record-not-found':
      return ocapiFault(version, 404, 'ProductInventoryRecordNotFoundException', error.message);
    case 'product-not-found':
      return ocapiFault(version, 404, 'ProductNotFoundException', error.message);
    case 'constraint':
      return ocapiFault(version, 400, 'PropertyConstraintViolationException', error.message, {
        property: error.property,
      });
  }
}

function intParam(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = query.get(name);
  if (raw === null) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** Routes OCAPI Data API inventory calls to the store and shapes documents and faults as SFCC does. */
export function createOcapiDataDispatcher(
  version: string,
  inventory: InventoryStore,
  extra?: OcapiExtraHandler,
) {
  const doc = (listId: string, productId: string) => {
    const r = inventory.get(listId, productId);
    return r ? toInventoryDocument(version, r, inventory.figures(r)) : undefined;
  };

  return function dispatch(call: OcapiDataCall): ApiResult {
    const extraResult = extra?.(call);
    if (extraResult) return extraResult;
    const single = RECORD.exec(call.path);
    if (single) {
      const listId = decodeURIComponent(single[1] as string);
      const productId = decodeURIComponent(single[2] as string);
      if (!inventory.hasList(listId)) {
        return writeFault(version, {
          kind: 'list-not-found',
          message: `No inventory list with ID '${listId}' could be found.`,
        });
      }
      switch (call.method) {
        case 'GET': {
          const d = doc(listId, productId);
          return d
            ? { status: 200, body: d }
            : writeFault(version, {
                kind: 'record-not-found',
                message: `No product inventory record for product '${productId}' in inventory list '${listId}' could be found.`,
              });
        }
        case 'PUT':
        case 'PATCH': {
          const parsed = parseInventoryBody(call.body);
          if (!parsed.ok) {
            return ocapiFault(version, 400, 'PropertyConstraintViolationException', parsed.message, {
              property: parsed.property,
            });
          }
          const result =
            call.method === 'PUT'
              ? inventory.put(listId, productId, parsed.change, call.via)
              : inventory.patch(listId, productId, parsed.change, call.via);
          return result.ok
            ? { status: 200, body: doc(listId, productId) }
            : writeFault(version, result.error);
        }
        case 'DELETE': {
          const result = inventory.remove(listId, productId, call.via);
          return result.ok ? { status: 204, body: undefined } : writeFault(version, result.error);
        }
        default:
          return ocapiFault(
            version,
            405,
            'MethodNotAllowedException',
            `Method '${call.method}' is not allowed on '${call.path}'.`,
          );
      }
    }
    const many = RECORDS.exec(call.path);
    if (many && call.method === 'GET') {
      const listId = decodeURIComponent(many[1] as string);
      const start = intParam(call.query, 'start', 0);
      const count = intParam(call.query, 'count', 25);
      if (start === undefined || count === undefined || count < 1 || count > 200) {
        return ocapiFault(
          version,
          400,
          'InvalidParameterException',
          `Parameters 'start' must be >= 0 and 'count' 1-200.`,
          {
            start: call.query.get('start'),
            count: call.query.get('count'),
          },
        );
      }
      const page = inventory.page(listId, start, count);
      if (!page) {
        return writeFault(version, {
          kind: 'list-not-found',
          message: `No inventory list with ID '${listId}' could be found.`,
        });
      }
      const data = page.records.map((r) => toInventoryDocument(version, r, inventory.figures(r)));
      const next =
        start + data.length < page.total
          ? `${call.baseUrl}/inventory_lists/${encodeURIComponent(listId)}/product_inventory_records?start=${start + data.length}&count=${count}`
          : undefined;
      return {
        status: 200,
        body: {
          _v: ocapiDocVersion(version),
          _type: 'product_inventory_records',
          count: data.length,
          data,
          ...(next ? { next } : {}),
          start,
          total: page.total,
        },
      };
    }
    return ocapiFault(
      version,
      404,
      'ResourcePathNotFoundException',
      `Unknown resource path '${call.path}' for method '${call.method}'.`,
    );
  };
}

export type OcapiDataDispatcher = ReturnType<typeof createOcapiDataDispatcher>;
