import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { InventoryRecordChange, PreOrderBackOrderHandling } from '../inventory/inventory-record';

export const INVENTORY_NAMESPACE = 'http://www.demandware.com/xml/impex/inventory/2007-05-31';

/** The record children SFCC's inventory schema allows, in the only order it allows them. */
export const RECORD_CHILD_ORDER = [
  'allocation',
  'allocation-timestamp',
  'perpetual',
  'preorder-backorder-handling',
  'preorder-backorder-allocation',
  'in-stock-datetime',
  'ats',
  'on-order',
  'turnover',
] as const;

/** A schema violation: the file fails and nothing of it is imported. */
export interface ImportViolation {
  listId?: string;
  record?: number;
  productId?: string;
  message: string;
}

export interface ImportRecord {
  listId: string;
  productId: string;
  delete: boolean;
  change: InventoryRecordChange;
}

export type ParsedInventoryFile =
  { ok: true; records: ImportRecord[] } | { ok: false; violations: ImportViolation[] };

type Node = Record<string, unknown>;
const MAX_VIOLATIONS = 1000;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ':@' && k !== '#text');
const childrenOf = (n: Node, tag: string) => (n[tag] as Node[] | undefined) ?? [];
const attrsOf = (n: Node) => (n[':@'] as Record<string, string> | undefined) ?? {};
const textOf = (n: Node, tag: string) =>
  childrenOf(n, tag)
    .map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : ''))
    .join('')
    .trim();
const elements = (nodes: Node[]) => nodes.filter((c) => tagOf(c) !== undefined);

const DECIMAL = /^\d+(\.\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads an IMPEX inventory file as strictly as SFCC's schema: namespace, `header` with
 * `default-instock`, record children only in schema order, amounts ≥ 0, product ids of 1–100
 * characters without surrounding whitespace, `mode="delete"` for removals.
 */
export function parseInventoryXml(xml: string): ParsedInventoryFile {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    return {
      ok: false,
      violations: [{ message: `not well-formed XML at line ${wellFormed.err.line}: ${wellFormed.err.msg}` }],
    };
  }
  const doc = parser.parse(xml) as Node[];
  const root = elements(doc).find((n) => tagOf(n) !== '?xml');
  const violations: ImportViolation[] = [];
  const fail = (v: ImportViolation) => {
    if (violations.length < MAX_VIOLATIONS) violations.push(v);
  };
  if (!root || tagOf(root) !== 'inventory')
    return { ok: false, violations: [{ message: 'root element must be <inventory>' }] };
  if (attrsOf(root)['xmlns'] !== INVENTORY_NAMESPACE) {
    return {
      ok: false,
      violations: [{ message: `root element must be in namespace ${INVENTORY_NAMESPACE}` }],
    };
  }
  const records: ImportRecord[] = [];
  for (const list of elements(childrenOf(root, 'inventory'))) {
    if (tagOf(list) !== 'inventory-list') {
      fail({ message: `unexpected element <${tagOf(list)}> in <inventory>` });
      continue;
    }
    const parts = elements(childrenOf(list, 'inventory-list'));
    const header = parts[0];
    if (!header || tagOf(header) !== 'header') {
      fail({ message: '<inventory-list> must start with <header>' });
      continue;
    }
    const listId = attrsOf(header)['list-id'] ?? '';
    if (!listId) fail({ message: '<header> needs a list-id attribute' });
    const headerChildren = elements(childrenOf(header, 'header'));
    if (tagOf(headerChildren[0] ?? {}) !== 'default-instock')
      fail({ listId, message: '<header> must start with <default-instock>' });
    const recordsNode = parts[1];
    if (!recordsNode) continue;
    if (tagOf(recordsNode) !== 'records' || parts.length > 2) {
      fail({ listId, message: `unexpected element <${tagOf(recordsNode)}> after <header>` });
      continue;
    }
    elements(childrenOf(recordsNode, 'records')).forEach((rec, i) => {
      const index = i + 1;
      const recTag = tagOf(rec);
      const attrs = attrsOf(rec);
      const productId = attrs['product-id'];
      const at = (message: string) => fail({ listId, record: index, productId, message });
      if (recTag !== 'record') return at(`unexpected element <${recTag}> in <records>`);
      if (productId === undefined) return at('record needs a product-id attribute');
      if (productId.length < 1 || productId.length > 100)
        return at(`product-id must be 1-100 characters, got ${productId.length}`);
      if (productId.trim() !== productId)
        return at(`product-id ${JSON.stringify(productId)} has leading or trailing whitespace`);
      const mode = attrs['mode'];
      if (mode !== undefined && mode !== 'delete')
        return at(`mode must be "delete" when present, got ${JSON.stringify(mode)}`);
      const change: InventoryRecordChange = {};
      let position = -1;
      for (const child of elements(childrenOf(rec, 'record'))) {
        const name = tagOf(child) as string;
        const order = RECORD_CHILD_ORDER.indexOf(name as (typeof RECORD_CHILD_ORDER)[number]);
        if (order < 0) return at(`unexpected element <${name}> in record`);
        if (order <= position)
          return at(`<${name}> is out of schema order (expected ${RECORD_CHILD_ORDER.join(', ')})`);
        position = order;
        const value = textOf(child, name);
        if (['allocation', 'preorder-backorder-allocation', 'ats', 'on-order', 'turnover'].includes(name)) {
          if (!DECIMAL.test(value))
            return at(`<${name}> must be a decimal >= 0, got ${JSON.stringify(value)}`);
          if (name === 'allocation') change.allocation = Number(value);
          if (name === 'preorder-backorder-allocation') change.preOrderBackOrderAllocation = Number(value);
        } else if (name === 'allocation-timestamp' || name === 'in-stock-datetime') {
          if (!DATETIME.test(value))
            return at(`<${name}> must be an xsd:dateTime with zone, got ${JSON.stringify(value)}`);
          if (name === 'allocation-timestamp') change.resetDate = Date.parse(value);
          else change.inStockDate = new Date(value).toISOString();
        } else if (name === 'perpetual') {
          if (value !== 'true' && value !== 'false')
            return at(`<perpetual> must be true or false, got ${JSON.stringify(value)}`);
          change.perpetual = value === 'true';
        } else if (name === 'preorder-backorder-handling') {
          if (!['none', 'preorder', 'backorder'].includes(value))
            return at(`<preorder-backorder-handling> must be none, preorder or backorder`);
          change.preOrderBackOrderHandling = value as PreOrderBackOrderHandling;
        }
      }
      records.push({ listId, productId, delete: mode === 'delete', change });
    });
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true, records };
}
