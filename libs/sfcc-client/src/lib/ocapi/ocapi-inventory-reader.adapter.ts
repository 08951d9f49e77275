import type { InventoryReader, InventoryRecordRead } from '../inventory-writer.port';
import { SfccHttpError } from '../sfcc-errors';
import { parseOcapiFault } from './ocapi-fault';
import type { OcapiHttpClient } from './ocapi-http.client';

export interface OcapiInventoryReaderOptions {
  http: OcapiHttpClient;
  ocapiVersion?: string;
}

/** OCAPI `product_inventory_record` document (the fields we read). */
interface ProductInventoryRecordDoc {
  product_id?: string;
  inventory_list_id?: string;
  allocation?: { amount?: number; reset_date?: string };
  ats?: number;
  stock_level?: number;
  inventory_turnover?: number;
  perpetual_flag?: boolean;
  last_modified?: string;
}

const time = (iso: string | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/** Maps an OCAPI record document to the port's read model. */
export function toInventoryRecordRead(listId: string, doc: ProductInventoryRecordDoc): InventoryRecordRead {
  return {
    inventoryListId: doc.inventory_list_id ?? listId,
    productId: doc.product_id ?? '',
    allocation: doc.allocation?.amount ?? 0,
    resetDate: time(doc.allocation?.reset_date),
    ats: doc.ats ?? 0,
    stockLevel: doc.stock_level ?? 0,
    turnover: doc.inventory_turnover ?? 0,
    perpetual: doc.perpetual_flag ?? false,
    lastModified: time(doc.last_modified),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const fits = (v: unknown, type: 'string' | 'number' | 'boolean'): boolean =>
  v === undefined || v === null || (typeof v === type && (type !== 'number' || Number.isFinite(v)));

/** The first field of a record document with a wrong type, or undefined when all fit. */
function wrongField(doc: unknown): string | undefined {
  if (!isObject(doc)) return '(record)';
  const a = doc['allocation'];
  if (a !== undefined && a !== null && !isObject(a)) return 'allocation';
  const checks: Array<[string, unknown, 'string' | 'number' | 'boolean']> = [
    ['product_id', doc['product_id'], 'string'],
    ['inventory_list_id', doc['inventory_list_id'], 'string'],
    ['allocation.amount', isObject(a) ? a['amount'] : undefined, 'number'],
    ['allocation.reset_date', isObject(a) ? a['reset_date'] : undefined, 'string'],
    ['ats', doc['ats'], 'number'],
    ['stock_level', doc['stock_level'], 'number'],
    ['inventory_turnover', doc['inventory_turnover'], 'number'],
    ['perpetual_flag', doc['perpetual_flag'], 'boolean'],
    ['last_modified', doc['last_modified'], 'string'],
  ];
  return checks.find(([, value, type]) => !fits(value, type))?.[0];
}

/** InventoryReader over the OCAPI Data API (paged list and single record GETs). */
export function createOcapiInventoryReader(options: OcapiInventoryReaderOptions): InventoryReader {
  const base = `/s/-/dw/data/${options.ocapiVersion ?? 'v24_5'}/inventory_lists`;
  const fail = (path: string, status: number, body: Buffer, listId: string, productId?: string): never => {
    const fault = parseOcapiFault(body);
    throw new SfccHttpError(
      `GET ${path} answered ${status}${fault ? ` ${fault.type}: ${fault.message ?? ''}` : ''}`,
      {
        method: 'GET',
        path,
        status,
        faultType: fault?.type,
        inventoryListId: listId,
        productId,
        retriable: false,
      },
    );
  };
  // A 200 we cannot use is an error naming what is wrong, never a half-typed record.
  const parse = (path: string, body: Buffer, listId: string): unknown => {
    try {
      return JSON.parse(body.toString());
    } catch (error) {
      throw new SfccHttpError(
        `GET ${path} answered 200 with a body that is not JSON: ${(error as Error).message}`,
        {
          method: 'GET',
          path,
          status: 200,
          inventoryListId: listId,
          retriable: true,
        },
      );
    }
  };
  const invalid = (path: string, listId: string, field: string): never => {
    throw new SfccHttpError(`GET ${path} answered 200 with an invalid ${field}`, {
      method: 'GET',
      path,
      status: 200,
      inventoryListId: listId,
      retriable: false,
    });
  };
  return {
    async readPage(listId, start, count) {
      const path = `${base}/${encodeURIComponent(listId)}/product_inventory_records?start=${start}&count=${count}`;
      const res = await options.http.request({ method: 'GET', path });
      if (res.status !== 200) return fail(path, res.status, res.body, listId);
      const doc = parse(path, res.body, listId);
      if (!isObject(doc)) return invalid(path, listId, '(body)');
      const data = doc['data'] ?? [];
      if (!Array.isArray(data)) return invalid(path, listId, 'data');
      const total = doc['total'] ?? 0;
      if (!Number.isInteger(total)) return invalid(path, listId, 'total');
      data.forEach((d: unknown, i) => {
        const field = wrongField(d);
        if (field) invalid(path, listId, `data.${i}.${field}`);
      });
      return {
        records: data.map((d: ProductInventoryRecordDoc) => toInventoryRecordRead(listId, d)),
        total: total as number,
      };
    },
    async readOne(listId, productId) {
      const path = `${base}/${encodeURIComponent(listId)}/product_inventory_records/${encodeURIComponent(productId)}`;
      const res = await options.http.request({ method: 'GET', path });
      if (
        res.status === 404 &&
        parseOcapiFault(res.body)?.type === 'ProductInventoryRecordNotFoundException'
      ) {
        return undefined;
      }
      if (res.status !== 200) return fail(path, res.status, res.body, listId, productId);
      const doc = parse(path, res.body, listId);
      const field = wrongField(doc);
      if (field) return invalid(path, listId, field);
      return toInventoryRecordRead(listId, doc as ProductInventoryRecordDoc);
    },
  };
}
