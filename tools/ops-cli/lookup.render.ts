import type { IntegrationException } from '@wair-sfcc/contracts';
import type { ExceptionsPage, OrderTimelineView, SkuLookupView } from './lookup-views';
import { isoTime, renderTable, section } from './text-table';

const exceptionRows = (list: readonly IntegrationException[]) =>
  list.map((e) => [
    e.type,
    e.severity,
    e.state,
    e.owner,
    e.subject,
    isoTime(e.lastSeen),
    e.occurrences,
    e.detail,
  ]);
const EXCEPTION_HEADERS = ['type', 'severity', 'state', 'owner', 'subject', 'last seen', 'seen', 'detail'];

/** The SKU look-up as sections: WAIR, SFCC, per inventory list, in-flight orders, exceptions. */
export function renderSku(v: SkuLookupView): string {
  const sellable = v.sellability.sellable
    ? 'sellable in SFCC'
    : `NOT sellable in SFCC: ${v.sellability.reason} (${v.sellability.detail})`;
  const head = [
    `SKU ${v.sku} — ${sellable}`,
    `WAIR: ${v.wairSku ? `${v.wairSku.status}, style ${v.wairSku.styleCode}, ${v.wairSku.colour ?? '-'} / ${v.wairSku.size ?? '-'}` : 'unknown to WAIR'}`,
    `SFCC: ${v.sfccProduct ? `${v.sfccProduct.type}${v.sfccProduct.masterId ? ` of ${v.sfccProduct.masterId}` : ''}, ${v.sfccProduct.online ? 'online' : 'offline'}` : 'not in the SFCC catalog'}`,
    '',
  ].join('\n');
  const stockTitle = v.stock
    ? `WAIR stock (as of ${isoTime(v.stock.asOf)}, sequence ${v.stock.sourceSequence}, ${v.stock.origin})`
    : 'WAIR stock';
  const stock = section(
    stockTitle,
    ['location', 'on hand', 'reserved', 'available'],
    (v.stock?.locations ?? []).map((l) => [l.locationCode, l.onHand, l.reserved, l.available]),
  );
  const lists = section(
    'Inventory lists (expected = available − in flight − buffer)',
    [
      'list',
      'locations',
      'expected',
      'avail',
      'in flight',
      'buffer',
      'last write',
      'outcome',
      'written',
      'SFCC alloc',
      'SFCC ats',
    ],
    v.lists.map((l) => [
      l.inventoryListId,
      l.locations.join('+'),
      l.expected?.allocation,
      l.expected?.available,
      l.expected?.inFlight,
      l.expected?.buffer,
      isoTime(l.lastWrite?.writtenAt),
      l.lastWrite ? `${l.lastWrite.outcome}${l.lastWrite.error ? `: ${l.lastWrite.error}` : ''}` : null,
      l.lastWrite?.allocation,
      l.sfccError
        ? `error: ${l.sfccError}`
        : l.sfccRecord === undefined
          ? 'not read'
          : (l.sfccRecord?.allocation ?? 'none'),
      l.sfccRecord?.ats,
    ]),
  );
  const orders = section(
    'In-flight orders (captured, not yet accepted by WAIR)',
    ['order', 'created', 'state', 'units', 'list'],
    v.inFlightOrders.map((o) => [o.orderNo, isoTime(o.createdAt), o.state, o.units, o.inventoryListId]),
  );
  const exceptions = section('Exceptions', EXCEPTION_HEADERS, exceptionRows(v.exceptions));
  return [head, stock, lists, orders, exceptions].join('\n');
}

/** The order timeline: summary, events in order, exceptions. */
export function renderOrder(v: OrderTimelineView): string {
  const o = v.order;
  const head = o
    ? `Order ${v.orderNo} — ${o.state}, site ${o.siteId}, ${o.lines.length} line(s)\n`
    : `Order ${v.orderNo} — not captured from SFCC (only WAIR dispatches known)\n`;
  const lines = o
    ? section(
        'Lines',
        ['sku', 'quantity', 'list'],
        o.lines.map((l) => [l.sku, l.quantity, l.inventoryListId]),
      )
    : '';
  const events = section(
    'Timeline',
    ['at', 'step', 'detail'],
    v.events.map((e) => [isoTime(e.at), e.kind, e.detail]),
  );
  const exceptions = section('Exceptions', EXCEPTION_HEADERS, exceptionRows(v.exceptions));
  return [head, lines, events, exceptions].filter(Boolean).join('\n');
}

/** The exceptions list with a count line. */
export function renderExceptions(page: ExceptionsPage): string {
  if (page.exceptions.length === 0) return `No exceptions match (total ${page.total}).\n`;
  const shown = page.exceptions.length;
  const more =
    page.total > page.offset + shown
      ? ` (showing ${page.offset + 1}–${page.offset + shown}; use --limit/--offset)`
      : '';
  return `${renderTable(EXCEPTION_HEADERS, exceptionRows(page.exceptions))}\n\n${page.total} exception(s)${more}\n`;
}
