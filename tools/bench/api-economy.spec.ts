import { apiEconomy, distinctPairs } from './api-economy';
import { listMappings, type WairChange } from './inventory-model';

const lists = listMappings(['WEB01', 'DC01', 'ST01']);
const change = (sku: string, location: string): WairChange => ({
  at: 0,
  sku,
  location,
  onHand: 1,
  reserved: 0,
  sequence: 1,
});

describe('distinctPairs', () => {
  it('counts each (list, SKU) once, mapping a location to the list it feeds', () => {
    const changes = [
      change('A', 'WEB01'),
      change('A', 'DC01'), // same list as WEB01
      change('A', 'ST01'), // the stores list
      change('B', 'DC01'),
      change('B', 'DC01'),
    ];
    expect(distinctPairs(changes, lists)).toBe(3);
  });

  it('ignores locations no list takes', () => {
    expect(distinctPairs([change('A', 'RETURNS')], lists)).toBe(0);
  });
});

describe('apiEconomy', () => {
  it('puts calls and the lower bound (pairs ÷ batch size, rounded up) per 1,000 changes', () => {
    const e = apiEconomy(4_000, 120, 2_010, 3_000, 50);
    expect(e.lowerBoundCalls).toBe(41);
    expect(e.callsPer1000Changes).toBe(30);
    expect(e.lowerBoundPer1000Changes).toBeCloseTo(10.25, 10);
    expect(e.overLowerBound).toBeCloseTo(120 / 41, 10);
    expect(e.recordsPerCall).toBe(25);
  });

  it('gives NaN ratios instead of dividing by zero when nothing changed', () => {
    const e = apiEconomy(0, 3, 0, 0);
    expect(e.callsPer1000Changes).toBeNaN();
    expect(e.overLowerBound).toBeNaN();
  });
});
