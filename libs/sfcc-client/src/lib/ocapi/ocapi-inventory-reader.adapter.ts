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
  return {
    async readPage(listId, start, count) {
      const path = `${base}/${encodeURIComponent(listId)}/product_inventory_records?start=${start}&count=${count}`;
      const res = await options.http.request({ method: 'GET', path });
      if (res.status !== 200) return fail(path, res.status, res.body, listId);
      const doc = JSON.parse(res.body.toString()) as { data?: ProductInventoryRecordDoc[]; total?: number };
      return {
        records: (doc.data ?? []).map((d) => toInventoryRecordRead(listId, d)),
        total: doc.total ?? 0,
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
      return toInventoryRecordRead(listId, JSON.parse(res.body.toString()) as ProductInventoryRecordDoc);
    },
  };
}
