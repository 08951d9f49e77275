import { sellability } from './sellability';

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
