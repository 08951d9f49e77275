import { z } from 'zod';

/**
 * Contract names (docs/wair-contract.md) of everything wair-ingest reads from WAIR. A deployment
 * whose feed spells a name differently maps it in WAIR_FIELD_NAMES; unmapped names stay as they are.
 */
export const CONTRACT_NAMES = [
  'FromModifiedDateTime',
  'Offset',
  'Limit',
  'records',
  'moreRecordsAvailable',
  'accessToken',
  'expiresIn',
  'skuCode',
  'locationCode',
  'onHand',
  'reserved',
  'available',
  'modifiedDateTime',
  'sequence',
  'dispatchId',
  'orderNumber',
  'carrier',
  'service',
  'trackingNumber',
  'trackingUrl',
  'lines',
  'quantity',
  'dispatchedDateTime',
  'styleCode',
  'itemCode',
  'colour',
  'size',
  'barcode',
  'status',
  'type',
  'data',
  'stock.changed',
  'order.dispatched',
] as const;

export type ContractName = (typeof CONTRACT_NAMES)[number];
export type FieldNames = Readonly<Record<ContractName, string>>;

/** Parses WAIR_FIELD_NAMES; throws naming the unknown key or bad value. */
export function parseFieldNames(json: string): FieldNames {
  const overrides = z
    .partialRecord(z.enum(CONTRACT_NAMES), z.string().min(1))
    .parse(JSON.parse(json || '{}'));
  return Object.fromEntries(CONTRACT_NAMES.map((n) => [n, overrides[n] ?? n])) as FieldNames;
}

/** Reads a feed object into contract names (the listed ones only; anything else is left out). */
export function toContractNames(raw: unknown, names: FieldNames, fields: readonly ContractName[]): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const source = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = source[names[field]];
    if (value !== undefined) out[field] = value;
  }
  return out;
}
