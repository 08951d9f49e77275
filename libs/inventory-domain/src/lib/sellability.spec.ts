import {
  CatalogNearMissFinder,
  explainMismatch,
  nearMissData,
  nearMissHint,
  sellability,
  type CatalogEntry,
  type CatalogNearMiss,
  type NotSellable,
} from './sellability';

describe('sellability', () => {
  const base = { masterId: 'M1', online: true };
  it.each([
    [undefined, false, 'NOT_IN_CATALOG'],
    [{ ...base, type: 'MASTER' as const }, false, 'NOT_A_VARIANT'],
    [{ ...base, type: 'BUNDLE' as const }, false, 'NOT_A_VARIANT'],
    [{ ...base, type: 'VARIANT' as const, online: false }, false, 'OFFLINE'],
    [{ ...base, type: 'VARIANT' as const }, true, undefined],
    [{ ...base, type: 'SIMPLE' as const, masterId: null }, true, undefined],
  ])('%j → sellable %s (%s)', (entry, sellable, reason) => {
    const result = sellability('SKU-1', entry);
    expect(result.sellable).toBe(sellable);
    if (!result.sellable) {
      expect(result.reason).toBe(reason);
      expect(result.detail).toContain('SKU-1');
    }
  });
});

const variant = (masterId: string, online = true): CatalogEntry => ({ type: 'VARIANT', online, masterId });
const master: CatalogEntry = { type: 'MASTER', online: true, masterId: null };
const simple: CatalogEntry = { type: 'SIMPLE', online: true, masterId: null };

/** A catalog shaped like the simulator's: masters with variants, its deliberate mismatches, extras. */
function sampleCatalog(): Map<string, CatalogEntry> {
  return new Map<string, CatalogEntry>([
    ['ST10001', master],
    ['ST10001-BLK-S', variant('ST10001')],
    ['ST10001-BLK-M', variant('ST10001')],
    ['ST10001-BLK-L', variant('ST10001')],
    ['ST10001-BLK-XL', variant('ST10001')],
    // case: SFCC lower-cased the WAIR SKU ST10002-RED-M
    ['ST10002', master],
    ['st10002-red-m', variant('ST10002')],
    // whitespace: a trailing space on ST10003-NVY-L
    ['ST10003', master],
    ['ST10003-NVY-L ', variant('ST10003')],
    // leading zeros: in the style number, and in front of a numeric size
    ['ST010004-GRN-M', variant('ST10004')],
    ['ST10005-WHT-08', variant('ST10005')],
    // parent id: SFCC made the variant id a master of its own
    ['ST10006-BEI-S', master],
    // separators
    ['ST10007_GRY_M', { ...simple }],
    // a variation group and its master's variants
    ['ST10008-BLU', { type: 'VARIATION_GROUP', online: true, masterId: 'ST10008' }],
    ['ST10008', master],
    ['ST10008-BLU-S', variant('ST10008')],
    // near ids that are not sellable are no suggestion
    ['st10009-blk-m', master],
    ['BUNDLE-1', { type: 'BUNDLE', online: true, masterId: null }],
  ]);
}

describe('CatalogNearMissFinder', () => {
  const cases: Array<[string, string, CatalogNearMiss | undefined]> = [
    ['case', 'ST10002-RED-M', { kind: 'NEAR_ID', catalogId: 'st10002-red-m', differences: ['CASE'] }],
    [
      'whitespace',
      'ST10003-NVY-L',
      { kind: 'NEAR_ID', catalogId: 'ST10003-NVY-L ', differences: ['WHITESPACE'] },
    ],
    [
      'leading zero in the style number',
      'ST10004-GRN-M',
      { kind: 'NEAR_ID', catalogId: 'ST010004-GRN-M', differences: ['LEADING_ZEROS'] },
    ],
    [
      'leading zero in the size',
      'ST10005-WHT-8',
      { kind: 'NEAR_ID', catalogId: 'ST10005-WHT-08', differences: ['LEADING_ZEROS'] },
    ],
    [
      'separators',
      'ST10007-GRY-M',
      { kind: 'NEAR_ID', catalogId: 'ST10007_GRY_M', differences: ['SEPARATORS'] },
    ],
    [
      'the SKU is a master with variants (first three, sorted, and the count)',
      'ST10001',
      {
        kind: 'PARENT',
        parentType: 'MASTER',
        masterId: 'ST10001',
        variants: ['ST10001-BLK-L', 'ST10001-BLK-M', 'ST10001-BLK-S'],
        variantCount: 4,
      },
    ],
    [
      'the SKU is a master without variants (the parent-id mismatch)',
      'ST10006-BEI-S',
      { kind: 'PARENT', parentType: 'MASTER', masterId: 'ST10006-BEI-S', variants: [], variantCount: 0 },
    ],
    [
      'the SKU is a variation group',
      'ST10008-BLU',
      {
        kind: 'PARENT',
        parentType: 'VARIATION_GROUP',
        masterId: 'ST10008',
        variants: ['ST10008-BLU-S'],
        variantCount: 1,
      },
    ],
    [
      'a missing variant of an existing master',
      'ST10001-WHT-M',
      {
        kind: 'MISSING_VARIANT',
        masterId: 'ST10001',
        variants: ['ST10001-BLK-L', 'ST10001-BLK-M', 'ST10001-BLK-S'],
        variantCount: 4,
      },
    ],
    ['nothing close', 'ZZ-1', undefined],
    ['a near id that is a master is no suggestion', 'ST10009-BLK-M', undefined],
    ['a bundle has no near miss', 'BUNDLE-1', undefined],
  ];
  it.each(cases)('%s: %s', (_name, sku, expected) => {
    expect(new CatalogNearMissFinder(sampleCatalog()).find(sku)).toEqual(expected);
  });

  it('builds its indexes once, at the first look-up, and keeps them current through changes', () => {
    const catalog = sampleCatalog();
    let scans = 0;
    const snapshot = {
      get: (id: string) => catalog.get(id),
      entries: () => {
        scans += 1;
        return catalog.entries();
      },
    };
    const finder = new CatalogNearMissFinder(snapshot);
    finder.changed('ignored-before-build', variant('ST10001'));
    expect(finder.built).toBe(false);
    expect(scans).toBe(0);
    expect(finder.find('ST10002-RED-M')).toMatchObject({ catalogId: 'st10002-red-m' });
    expect(finder.built).toBe(true);

    // Merch fixes the case: the typo disappears, the right id arrives.
    const apply = (id: string, entry: CatalogEntry | undefined) => {
      if (entry) catalog.set(id, entry);
      else catalog.delete(id);
      finder.changed(id, entry);
    };
    apply('st10002-red-m', undefined);
    expect(finder.find('ST10002-RED-M')).toEqual({
      kind: 'MISSING_VARIANT',
      masterId: 'ST10002',
      variants: [],
      variantCount: 0,
    });
    apply('ST10002-red-m', variant('ST10002'));
    expect(finder.find('ST10002-RED-M')).toMatchObject({ kind: 'NEAR_ID', catalogId: 'ST10002-red-m' });
    // A near id that becomes a master is no longer suggested; a new variant shows on its master.
    apply('ST10002-red-m', master);
    expect(finder.find('ST10002-RED-M')).toMatchObject({ kind: 'MISSING_VARIANT', masterId: 'ST10002' });
    apply('ST10006-BEI-S-1', variant('ST10006-BEI-S'));
    expect(finder.find('ST10006-BEI-S')).toMatchObject({ variants: ['ST10006-BEI-S-1'], variantCount: 1 });
    // A variant that moves to another master, or goes, leaves its old master's list.
    apply('ST10001-BLK-XL', variant('ST10006-BEI-S'));
    apply('ST10001-BLK-S', undefined);
    expect(finder.find('ST10001')).toMatchObject({
      variants: ['ST10001-BLK-L', 'ST10001-BLK-M'],
      variantCount: 2,
    });
    expect(finder.find('ST10006-BEI-S')).toMatchObject({ variantCount: 2 });
    expect(scans).toBe(1);
  });

  // The property that makes a 1,000,000-entry catalog cheap (one build, hash probes after it) shows at
  // any size; 200,000 keeps the unit suite quick.
  it('answers every look-up from one build of a 200,000-entry catalog (output checked, time not asserted)', () => {
    const catalog = new Map<string, CatalogEntry>();
    const n = 200_000;
    for (let style = 0; catalog.size < n; style += 1) {
      const code = `ST${100000 + style}`;
      catalog.set(code, master);
      for (const size of ['S', 'M', 'L', 'XL']) catalog.set(`${code}-BLK-${size}`, variant(code));
    }
    // Every 100th style has its M variant lower-cased in SFCC.
    const typos: string[] = [];
    for (let style = 0; style < n / 5; style += 100) {
      const id = `ST${100000 + style}-BLK-M`;
      catalog.delete(id);
      catalog.set(id.toLowerCase(), variant(`ST${100000 + style}`));
      typos.push(id);
    }
    let scans = 0;
    const finder = new CatalogNearMissFinder({
      get: (id) => catalog.get(id),
      entries: () => {
        scans += 1;
        return catalog.entries();
      },
    });
    for (const sku of typos) {
      expect(finder.find(sku)).toEqual({
        kind: 'NEAR_ID',
        catalogId: sku.toLowerCase(),
        differences: ['CASE'],
      });
    }
    expect(finder.find('ST100001-BLK-XXL')).toMatchObject({ kind: 'MISSING_VARIANT', variantCount: 4 });
    expect(scans).toBe(1);
  });
});

describe('near-miss hints', () => {
  const notInCatalog = sellability('ST10002-RED-M', undefined) as NotSellable;
  const parent = sellability('ST10001', master) as NotSellable;
  const variants = (n: number) => Array.from({ length: n }, (_, i) => `ST10001-V${i}`);
  const cases: Array<[string, NotSellable, CatalogNearMiss | null, string, Record<string, string>]> = [
    [
      'near id',
      notInCatalog,
      { kind: 'NEAR_ID', catalogId: 'st10002-red-m', differences: ['CASE'] },
      "WAIR SKU ST10002-RED-M is not in the SFCC catalog: no product with this id; SFCC has 'st10002-red-m' (differs in case)",
      { nearMiss: 'NEAR_ID', suggestedId: 'st10002-red-m', difference: 'CASE' },
    ],
    [
      'near id, several differences, a trailing space shown by the quotes',
      notInCatalog,
      { kind: 'NEAR_ID', catalogId: 'st10002-red-m ', differences: ['CASE', 'WHITESPACE'] },
      "; SFCC has 'st10002-red-m ' (differs in case and whitespace)",
      { suggestedId: 'st10002-red-m ', difference: 'CASE,WHITESPACE' },
    ],
    [
      'missing variant',
      notInCatalog,
      { kind: 'MISSING_VARIANT', masterId: 'ST10002', variants: variants(3), variantCount: 5 },
      "; SFCC has master 'ST10002' without this variant; its variants are 'ST10001-V0', 'ST10001-V1', 'ST10001-V2' (+2 more)",
      {
        nearMiss: 'MISSING_VARIANT',
        masterId: 'ST10002',
        variants: 'ST10001-V0,ST10001-V1,ST10001-V2',
        variantCount: '5',
      },
    ],
    [
      'missing variant of a master without variants',
      notInCatalog,
      { kind: 'MISSING_VARIANT', masterId: 'ST10002', variants: [], variantCount: 0 },
      "; SFCC has master 'ST10002' with no variants",
      { nearMiss: 'MISSING_VARIANT', variants: '', variantCount: '0' },
    ],
    [
      'nothing close',
      notInCatalog,
      null,
      ': no product with this id, none that differs only in case, whitespace, leading zeros or separators, and no master it could be a variant of',
      {},
    ],
    [
      'master with variants',
      parent,
      { kind: 'PARENT', parentType: 'MASTER', masterId: 'ST10001', variants: variants(2), variantCount: 2 },
      "stock belongs on its variants; SFCC has it as a master whose variants are 'ST10001-V0', 'ST10001-V1'",
      { nearMiss: 'PARENT', masterId: 'ST10001', variants: 'ST10001-V0,ST10001-V1', variantCount: '2' },
    ],
    [
      'master without variants',
      parent,
      { kind: 'PARENT', parentType: 'MASTER', masterId: 'ST10001', variants: [], variantCount: 0 },
      '; SFCC has it as a master with no variants',
      { variants: '', variantCount: '0' },
    ],
    [
      'variation group',
      parent,
      {
        kind: 'PARENT',
        parentType: 'VARIATION_GROUP',
        masterId: 'ST10008',
        variants: ['A'],
        variantCount: 1,
      },
      "; SFCC has it as a variation group of master 'ST10008', whose variants are 'A'",
      { masterId: 'ST10008' },
    ],
  ];
  it.each(cases)('%s', (_name, verdict, nearMiss, detail, data) => {
    const explained = explainMismatch('ST10002-RED-M', verdict, nearMiss);
    expect(explained.detail).toContain(detail);
    expect(explained.reason).toBe(verdict.reason);
    if (nearMiss) {
      expect(explained.nearMiss).toEqual(nearMiss);
      expect(explained.detail).toContain(nearMissHint(nearMiss));
      expect(nearMissData(nearMiss)).toMatchObject(data);
    } else expect(explained.nearMiss).toBeUndefined();
  });

  it('leaves an offline verdict as it is', () => {
    const offline = sellability('X', variant('M', false)) as NotSellable;
    expect(explainMismatch('X', offline, null)).toEqual(offline);
  });
});
