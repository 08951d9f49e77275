import type { WairSku } from '@wair-sfcc/contracts';
import { buildProduct, buildWairSku, productTable } from '../testing';
import { findSkuMismatches, type InventoryRecordKey } from './sku-mismatch.rule';

type Row = [subject: string, reason: string, severity: string, suggestedId?: string];
const summarise = (
  wair: WairSku[],
  products: ReturnType<typeof buildProduct>[],
  records?: InventoryRecordKey[],
): Row[] =>
  findSkuMismatches({ wairSkus: wair, products: productTable(...products), inventoryRecords: records })
    .map((f): Row => {
      const row: Row = [f.subject, f.data['reason'] ?? '', f.severity];
      if (f.data['suggestedId']) row.push(f.data['suggestedId']);
      return row;
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('findSkuMismatches', () => {
  const cases: Array<
    [string, WairSku[], ReturnType<typeof buildProduct>[], InventoryRecordKey[] | undefined, Row[]]
  > = [
    [
      'all matched',
      [buildWairSku('A-1-M')],
      [buildProduct('A-1-M'), buildProduct('A-1', 'MASTER')],
      undefined,
      [],
    ],
    [
      'WAIR SKU missing in SFCC',
      [buildWairSku('A-1-M')],
      [],
      undefined,
      [['A-1-M', 'WAIR_SKU_NOT_IN_SFCC', 'HIGH']],
    ],
    [
      'inactive WAIR SKU missing in SFCC is fine',
      [buildWairSku('A-1-M', { status: 'DISCONTINUED' })],
      [],
      undefined,
      [],
    ],
    [
      'WAIR SKU is an SFCC master',
      [buildWairSku('A-1')],
      [buildProduct('A-1', 'MASTER')],
      undefined,
      [['A-1', 'WAIR_SKU_IS_PARENT', 'HIGH']],
    ],
    [
      'WAIR SKU is an SFCC bundle',
      [buildWairSku('B-1')],
      [buildProduct('B-1', 'BUNDLE')],
      undefined,
      [['B-1', 'WAIR_SKU_NOT_A_VARIANT', 'HIGH']],
    ],
    [
      'offline SFCC variant',
      [buildWairSku('A-1-M')],
      [buildProduct('A-1-M', 'VARIANT', { online: false })],
      undefined,
      [['A-1-M', 'SFCC_PRODUCT_OFFLINE', 'LOW']],
    ],
    [
      'SFCC variant without WAIR SKU (online MEDIUM, offline LOW)',
      [],
      [
        buildProduct('C-1-S'),
        buildProduct('C-1-L', 'SIMPLE', { online: false }),
        buildProduct('C-1', 'MASTER'),
      ],
      undefined,
      [
        ['C-1-L', 'SFCC_VARIANT_WITHOUT_WAIR_SKU', 'LOW'],
        ['C-1-S', 'SFCC_VARIANT_WITHOUT_WAIR_SKU', 'MEDIUM'],
      ],
    ],
    [
      'case difference: one finding on the WAIR SKU with the intended id',
      [buildWairSku('abc-123-m')],
      [buildProduct('ABC-123-M')],
      undefined,
      [['abc-123-m', 'WAIR_SKU_NOT_IN_SFCC', 'HIGH', 'ABC-123-M']],
    ],
    [
      'leading zeros',
      [buildWairSku('ABC-0123-M')],
      [buildProduct('ABC-123-M')],
      undefined,
      [['ABC-0123-M', 'WAIR_SKU_NOT_IN_SFCC', 'HIGH', 'ABC-123-M']],
    ],
    [
      'separators and whitespace',
      [buildWairSku('ABC 123_M ')],
      [buildProduct('ABC-123-M')],
      undefined,
      [['ABC 123_M ', 'WAIR_SKU_NOT_IN_SFCC', 'HIGH', 'ABC-123-M']],
    ],
    [
      'an SFCC id WAIR already has exactly is not suggested',
      [buildWairSku('ABC-123-M'), buildWairSku('abc-123-m')],
      [buildProduct('ABC-123-M')],
      undefined,
      [['abc-123-m', 'WAIR_SKU_NOT_IN_SFCC', 'HIGH']],
    ],
    [
      'SFCC orphan near a WAIR SKU (which matched elsewhere) gets a suggestion',
      [buildWairSku('D-1-M')],
      [buildProduct('D-1-M'), buildProduct('d-01-m')],
      undefined,
      [['d-01-m', 'SFCC_VARIANT_WITHOUT_WAIR_SKU', 'MEDIUM', 'D-1-M']],
    ],
    [
      'inventory keyed to a master, and to an unknown product',
      [buildWairSku('A-1-M')],
      [buildProduct('A-1-M'), buildProduct('A-1', 'MASTER')],
      [
        { productId: 'A-1', inventoryListId: 'inv_b' },
        { productId: 'A-1', inventoryListId: 'inv_a' },
        { productId: 'A-1-M', inventoryListId: 'inv_a' },
        { productId: 'GHOST', inventoryListId: 'inv_a' },
      ],
      [
        ['A-1', 'INVENTORY_ON_PARENT', 'HIGH'],
        ['GHOST', 'INVENTORY_NOT_IN_CATALOG', 'MEDIUM'],
      ],
    ],
  ];
  it.each(cases)('%s', (_n, wair, products, records, expected) => {
    expect(summarise(wair, products, records)).toEqual(expected);
  });

  it('says what differs and who owns it', () => {
    const [f] = findSkuMismatches({
      wairSkus: [buildWairSku('abc-0123-m')],
      products: productTable(buildProduct('ABC-123-M')),
    });
    expect(f).toMatchObject({
      type: 'SKU_MISMATCH',
      owner: 'MERCH',
      subjectType: 'SKU',
      data: { difference: 'CASE,LEADING_ZEROS' },
    });
    expect(f?.detail).toContain("SFCC has 'ABC-123-M' (differs in case and leading zeros)");
  });

  it.each([
    [
      'a parent: its variants',
      [buildWairSku('A-1')],
      [
        buildProduct('A-1', 'MASTER'),
        ...['S', 'M', 'L', 'XL'].map((s) => buildProduct(`A-1-${s}`, 'VARIANT', { masterId: 'A-1' })),
      ],
      { reason: 'WAIR_SKU_IS_PARENT', nearMiss: 'PARENT', variants: 'A-1-L,A-1-M,A-1-S', variantCount: '4' },
      "SFCC has it as a master whose variants are 'A-1-L', 'A-1-M', 'A-1-S' (+1 more)",
    ],
    [
      'a missing variant: its master and the variants it has',
      [buildWairSku('A-1-XS')],
      [buildProduct('A-1', 'MASTER'), buildProduct('A-1-S', 'VARIANT', { masterId: 'A-1' })],
      { reason: 'WAIR_SKU_NOT_IN_SFCC', nearMiss: 'MISSING_VARIANT', masterId: 'A-1', variants: 'A-1-S' },
      "SFCC has master 'A-1' without this variant; its variants are 'A-1-S'",
    ],
    [
      'nothing close',
      [buildWairSku('Q-9')],
      [],
      { reason: 'WAIR_SKU_NOT_IN_SFCC' },
      'none that differs only in case, whitespace, leading zeros or separators',
    ],
  ])('names the near miss of %s', (_name, wair, products, data, detail) => {
    const findings = findSkuMismatches({ wairSkus: wair, products: productTable(...products) });
    const f = findings.find((x) => x.subject === wair[0]?.sku);
    expect(f?.data).toMatchObject(data);
    expect(f?.detail).toContain(detail);
  });

  it('names the WAIR SKU near an SFCC id WAIR lacks', () => {
    const [f] = findSkuMismatches({
      wairSkus: [buildWairSku('D-1-M')],
      products: productTable(buildProduct('D-1-M'), buildProduct('d-01-m')),
    });
    expect(f?.detail).toContain("WAIR has 'D-1-M' (differs in case and leading zeros)");
  });

  it('handles 200,000 SKUs with a normalised-key index (output checked, time not asserted)', () => {
    const n = 200_000;
    const wair: WairSku[] = [];
    const products = new Map<string, ReturnType<typeof buildProduct>>();
    for (let i = 0; i < n; i += 1) {
      const id = `S${i}-M`;
      wair.push(buildWairSku(i % 1000 === 0 ? id.toLowerCase() : id));
      products.set(id, buildProduct(id));
    }
    const findings = findSkuMismatches({ wairSkus: wair, products });
    expect(findings).toHaveLength(n / 1000);
    expect(findings.every((f) => f.data['suggestedId'] === f.subject.toUpperCase())).toBe(true);
  });
});
