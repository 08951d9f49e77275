import {
  InventoryListMappingError,
  mappedLocations,
  parseInventoryListMappings,
} from './inventory-list-mapping';

describe('parseInventoryListMappings', () => {
  it('parses lists and their location sets', () => {
    const m = parseInventoryListMappings('inventory_webshop:WEB01+DC01; inventory_stores:ST01+ST02+DC01');
    expect(m).toEqual([
      { inventoryListId: 'inventory_webshop', locations: ['WEB01', 'DC01'] },
      { inventoryListId: 'inventory_stores', locations: ['ST01', 'ST02', 'DC01'] },
    ]);
    expect([...mappedLocations(m)].sort()).toEqual(['DC01', 'ST01', 'ST02', 'WEB01']);
  });

  it.each(['', 'inventory_webshop', 'inventory_webshop:', 'a b:X', 'l:X;l:Y'])('rejects "%s"', (text) => {
    expect(() => parseInventoryListMappings(text)).toThrow(InventoryListMappingError);
  });
});
