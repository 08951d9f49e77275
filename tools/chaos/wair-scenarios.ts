import type { Scenario, ScenarioContext } from './scenario';

async function wairFault(ctx: ScenarioContext, settings: Record<string, unknown>): Promise<void> {
  const faults = async () => (await ctx.system.wair.counters()).faults;
  const before = await faults();
  const from = Date.now();
  await ctx.system.wair.faults(settings);
  await ctx.sleep(ctx.profile.faultMs);
  ctx.faultWindow({ from, to: Date.now() });
  const after = await faults();
  for (const [kind, n] of Object.entries(after))
    if (n !== (before[kind] ?? 0)) ctx.note(`WAIR ${kind}`, n - (before[kind] ?? 0));
}

export const wairWebhooks: Scenario = {
  id: 'wair-webhook-chaos',
  title: 'WAIR webhooks: 30 % lost, 30 % duplicated, 30 % reordered',
  async run(ctx) {
    const before = await ctx.system.wair.counters();
    await ctx.system.wair.webhooks({ lossRate: 0.3, duplicateRate: 0.3, reorderRate: 0.3 });
    await ctx.sleep(ctx.profile.faultMs);
    const after = await ctx.system.wair.counters();
    const webhooks = (c: Record<string, unknown>) => (c['webhooks'] ?? {}) as Record<string, number>;
    for (const key of ['lost', 'duplicated', 'reordered', 'delivered'])
      ctx.note(`webhooks ${key}`, (webhooks(after)[key] ?? 0) - (webhooks(before)[key] ?? 0));
  },
};

export const wairFeedOutage: Scenario = {
  id: 'wair-feed-outage',
  title: 'WAIR API outage (every feed and sales call 503)',
  run: (ctx) => wairFault(ctx, { error503Rate: 1 }),
};

/**
 * Malformed WAIR records (wrong type, missing field, negative quantity, unknown location) and
 * malformed storefront orders (no product, zero quantity): each must end on a DLQ or as an
 * exception with its reason.
 */
export const wairMalformed: Scenario = {
  id: 'malformed-inputs',
  title: 'malformed WAIR records (20 %) and malformed storefront orders',
  async run(ctx) {
    const malformed = async () => Number((await ctx.system.wair.counters()).faults['malformed'] ?? 0);
    const before = await malformed();
    const from = Date.now();
    await ctx.system.wair.faults({ malformedRate: 0.2 });
    const sku = (await ctx.system.wair.stock())[0]?.skuCode ?? 'UNKNOWN';
    const bad = [
      [{ quantity: 1 }],
      [{ productId: sku, quantity: 0 }],
      [{ productId: sku, quantity: 1 }, { quantity: 2 }],
    ];
    for (const lines of bad) {
      const order = await ctx.system.sfcc.placeOrder(lines, { force: true, allowMalformed: true });
      ctx.malformedOrders.push(order.orderNo);
    }
    await ctx.sleep(ctx.profile.faultMs);
    await ctx.system.wair.faults({ malformedRate: 0 });
    ctx.faultWindow({ from, to: Date.now() });
    ctx.malformedWair.injected = (await malformed()) - before;
  },
};

export const wairTokens: Scenario = {
  id: 'wair-token-expiry',
  title: 'WAIR expires every token, repeatedly',
  async run(ctx) {
    for (let i = 0; i < 4; i++) {
      await ctx.system.wair.expireTokens();
      await ctx.sleep(ctx.profile.faultMs / 4);
    }
    ctx.note('expiries', 4);
  },
};
