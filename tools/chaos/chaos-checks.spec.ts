import { parseInventoryListMappings } from '@wair-sfcc/inventory-domain';
import { parseChaosArgs } from './chaos-args';
import { compareRecords, expectedAllocations } from './convergence.check';
import { checkOrderFlow, orderFlowHolds } from './order-flow.check';
import { countOversold } from './oversell.check';
import { selectScenarios } from './scenario-catalogue';
import type { DispatchEmailsView, SfccOrderView, WairChangeEntry, WairStockSku } from './sim-control';
import { checkWriteOrder } from './write-order.check';

const lists = parseInventoryListMappings('web:WEB01+DC01;stores:ST01');
const iso = (ms: number) => new Date(ms).toISOString();
const sku = (code: string, avail: Record<string, number>, at = 1_000): WairStockSku => ({
  skuCode: code,
  locations: Object.entries(avail).map(([locationCode, available]) => ({
    locationCode,
    onHand: available,
    reserved: 0,
    available,
    modifiedDateTime: iso(at),
  })),
});
const change = (at: number, kind: string, loc: string, onHand: number, reserved = 0): WairChangeEntry => ({
  at: iso(at),
  kind,
  skuCode: 'A',
  locationCode: loc,
  onHand,
  reserved,
  sequence: at,
});
const order = (
  orderNo: string,
  at: number,
  lines: Array<{ productId?: string; quantity: number }>,
  extra: Partial<SfccOrderView> = {},
): SfccOrderView => ({
  orderNo,
  creationDate: iso(at),
  status: 'new',
  exportStatus: 'exported',
  shippingStatus: 'shipped',
  productItems: lines.map((l, i) => ({ itemId: `${orderNo}-${i}`, ...l })),
  ...extra,
});

describe('convergence (a)', () => {
  it('expects the writer formula per list (negative locations lower the sum, never below 0)', () => {
    const expected = expectedAllocations(
      [sku('A', { WEB01: 3, DC01: -1, ST01: 4 }), sku('B', { WEB01: -5 })],
      lists,
    );
    expect(Object.fromEntries(expected)).toEqual({ 'web/A': 2, 'stores/A': 4, 'web/B': 0, 'stores/B': 0 });
  });

  it('reports missing and different records with both figures', () => {
    const result = compareRecords(
      new Map([
        ['web/A', 2],
        ['stores/A', 4],
        ['web/B', 0],
      ]),
      [
        { inventory_list_id: 'web', product_id: 'A', allocation: { amount: 2 } },
        { inventory_list_id: 'stores', product_id: 'A', allocation: { amount: 5 } },
      ],
    );
    expect(result).toEqual({
      checked: 3,
      wrong: [
        { pair: 'stores/A', expected: 4, actual: 5 },
        { pair: 'web/B', expected: 0, actual: null },
      ],
    });
  });
});

describe('oversell (b)', () => {
  const base = { lists, defaultList: 'web', syncWindowMs: 1_000, faultWindows: [] };

  it('counts nothing while WAIR covers every order, its reservations included', () => {
    const result = countOversold({
      ...base,
      initial: [sku('A', { WEB01: 2, DC01: 1 })],
      changes: [change(1_500, 'RESERVE', 'WEB01', 2, 2)],
      orders: [
        order('1', 1_200, [{ productId: 'A', quantity: 2 }]),
        order('2', 1_600, [{ productId: 'A', quantity: 1 }]),
      ],
    });
    expect(result).toMatchObject({ unitsSold: 3, oversoldUnits: 0 });
  });

  it('counts units sold beyond what WAIR had, pending orders included, by window', () => {
    const result = countOversold({
      ...base,
      faultWindows: [{ from: 10_000, to: 11_000 }],
      initial: [sku('A', { WEB01: 2, DC01: 0 })],
      changes: [change(5_000, 'STOCK_OUT', 'WEB01', 0)],
      orders: [
        order('1', 2_000, [{ productId: 'A', quantity: 2 }]), // pending: WAIR has not reserved it
        order('2', 3_000, [{ productId: 'A', quantity: 1 }]), // 1 beyond: outside any window
        order('3', 5_500, [{ productId: 'A', quantity: 1 }]), // within 1 s of the stock-out
        order('4', 10_500, [{ productId: 'A', quantity: 2 }]), // during the fault
      ],
    });
    expect(result).toMatchObject({
      oversoldUnits: 4,
      outsideWindows: 1,
      inSyncWindow: 1,
      inFaultWindow: 2,
      longestWindowMs: 500,
    });
    expect(result.outside).toEqual([
      { orderNo: '2', sku: 'A', units: 1, at: iso(3_000), sinceDropMs: Infinity },
    ]);
  });

  it('counts only orders from countFrom on, earlier ones still taking their units', () => {
    const result = countOversold({
      ...base,
      countFrom: 3_000,
      initial: [sku('A', { WEB01: 2 })],
      changes: [],
      orders: [
        order('1', 2_000, [{ productId: 'A', quantity: 2 }]),
        order('2', 4_000, [{ productId: 'A', quantity: 1 }]),
      ],
    });
    expect(result).toMatchObject({ orderLines: 1, unitsSold: 1, outsideWindows: 1 });
  });
});

describe('order flow (c)', () => {
  const emails = (byOrder: Record<string, number>, duplicates = 0): DispatchEmailsView => ({
    total: Object.values(byOrder).reduce((a, b) => a + b, 0),
    duplicates,
    byOrder: Object.fromEntries(Object.entries(byOrder).map(([k, v]) => [k, { emails: v, duplicates: 0 }])),
    emails: [],
  });
  const sale = (code: string, lines: Record<string, number>, acceptedPosts = 1) => ({
    id: code,
    code,
    saleType: 'ONLINE_ORDER',
    status: 'DISPATCHED',
    lines,
    acceptedPosts,
  });

  it('holds when every order is in WAIR once, exported, and each parcel made one e-mail', () => {
    const r = checkOrderFlow({
      orders: [order('1', 0, [{ productId: 'A', quantity: 1 }]), order('2', 0, [{ quantity: 1 }])],
      sales: [sale('1', { A: 1 }, 3)],
      emails: emails({ '1': 2 }),
      parcelsByOrder: new Map([['1', 2]]),
    });
    expect(orderFlowHolds(r)).toBe(true);
    expect(r).toMatchObject({ orders: 1, repeatedPosts: 2, emails: 2, wairDispatches: 2 });
  });

  it('finds lost, foreign and changed orders, missing and duplicate e-mails', () => {
    const r = checkOrderFlow({
      orders: [
        order('1', 0, [{ productId: 'A', quantity: 1 }]),
        order('2', 0, [{ productId: 'A', quantity: 2 }], { shippingStatus: 'not_shipped' }),
        order('3', 0, [{ productId: 'A', quantity: 1 }], { exportStatus: 'ready' }),
      ],
      sales: [sale('2', { A: 1 }), sale('9', { A: 1 })],
      emails: emails({ '2': 1, '7': 1 }, 1),
      parcelsByOrder: new Map([['2', 2]]),
    });
    expect(r).toMatchObject({
      missingInWair: ['1', '3'],
      unexpectedInWair: ['2', '9'],
      notExported: ['3'],
      dispatchedNotShipped: ['2'],
      emailMismatch: ['2', '7'],
      duplicateEmails: 1,
    });
    expect(orderFlowHolds(r)).toBe(false);
  });
});

describe('write order (d)', () => {
  it('flags an accepted write whose reset date is older than the record’s', () => {
    const w = (seq: number, productId: string, at?: number) => ({
      seq,
      at: iso(seq),
      listId: 'web',
      productId,
      allocation: 1,
      resetDate: at === undefined ? undefined : iso(at),
    });
    const r = checkWriteOrder([w(3, 'A', 900), w(1, 'A', 1_000), w(2, 'A', 1_000), w(4, 'B', 1), w(5, 'A')]);
    expect(r.writes).toBe(4);
    expect(r.regressions).toEqual([{ pair: 'web/A', seq: 3, resetDate: iso(900), previous: iso(1_000) }]);
  });
});

describe('arguments and scenario selection', () => {
  it('parses the flags and rejects unknown ones', () => {
    expect(parseChaosArgs(['--full', '--only=sfcc-5xx,app-sigkill', '--seed=7'])).toMatchObject({
      full: true,
      only: ['sfcc-5xx', 'app-sigkill'],
      seed: 7,
    });
    expect(() => parseChaosArgs(['--fast'])).toThrow(/unknown option/);
  });

  it('leaves out broker and registry scenarios without an own stack, and knows every id', () => {
    const ids = selectScenarios([], false).map((s) => s.id);
    expect(ids).toContain('app-sigkill');
    expect(ids).not.toContain('broker-sigkill');
    expect(selectScenarios([], true).map((s) => s.id)).toContain('broker-sigkill');
    expect(() => selectScenarios(['nope'], true)).toThrow(/unknown scenario/);
  });
});
