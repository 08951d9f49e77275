import { BufferRuleError, createBufferResolver, parseBufferRules } from './buffer-rules';

describe('buffer rules', () => {
  const rules = parseBufferRules(
    'global=1; list:inventory_stores=2; sku:ABC-*=3; sku:ABC-12*=4; sku:ABC-123=5; sku:/^Z\\d+$/=6; sku:inventory_webshop:ABC-1*=7',
  );
  const buffer = createBufferResolver(rules);

  it.each([
    ['inventory_webshop', 'XYZ', 1, 'global'],
    ['inventory_stores', 'XYZ', 2, 'per list'],
    ['inventory_stores', 'ABC-9', 3, 'glob beats list'],
    ['inventory_stores', 'ABC-129', 4, 'longer glob beats shorter'],
    ['inventory_stores', 'ABC-123', 5, 'exact beats glob'],
    ['inventory_stores', 'Z42', 6, 'regex'],
    ['inventory_webshop', 'ABC-19', 7, 'list-limited glob with more literals'],
    ['inventory_webshop', 'ABC-129', 4, 'more literal characters beat list-limited'],
  ])('%s %s → %d (%s)', (listId, sku, expected) => {
    expect(buffer(listId, sku)).toBe(expected);
  });

  it('treats glob metacharacters literally apart from * and ?', () => {
    const b = createBufferResolver({ global: 0, perSku: [{ pattern: 'A.B?', units: 2 }] });
    expect(b('l', 'A.BC')).toBe(2);
    expect(b('l', 'AxBC')).toBe(0);
  });

  it.each(['global=-1', 'list:x=1.5', 'sku:/[/=1', 'nonsense=1', 'global'])(
    'rejects %s with a clear error',
    (text) => {
      expect(() => parseBufferRules(text)).toThrow(BufferRuleError);
    },
  );
});
