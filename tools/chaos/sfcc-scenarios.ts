import type { Scenario, ScenarioContext } from './scenario';

/** Turns a fault on for the profile's fault time (as a fault window), then the runner turns it off. */
async function sfccFault(ctx: ScenarioContext, settings: Record<string, unknown>, ms = ctx.profile.faultMs) {
  const from = Date.now();
  await ctx.system.sfcc.faults(settings);
  await ctx.sleep(ms);
  ctx.faultWindow({ from, to: Date.now() });
}

/** SFCC answers counted per status during the fault (OCAPI, SCAPI, token), for the report. */
async function countStatuses(ctx: ScenarioContext, run: () => Promise<void>, statuses: number[]) {
  const total = async () => {
    const byStatus = new Map<number, number>();
    for (const r of await ctx.system.sfcc.requests())
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.count);
    return byStatus;
  };
  const before = await total();
  await run();
  const after = await total();
  let all = 0;
  for (const [status, n] of after) all += n - (before.get(status) ?? 0);
  ctx.note('SFCC calls', all);
  for (const s of statuses)
    ctx.note(`SFCC ${s === 0 ? 'resets' : s}`, (after.get(s) ?? 0) - (before.get(s) ?? 0));
}

export const sfcc5xx: Scenario = {
  id: 'sfcc-5xx',
  title: 'SFCC answers 30 % of calls with 5xx (and resets some)',
  run: (ctx) =>
    countStatuses(
      ctx,
      () => sfccFault(ctx, { errorRates: { '500': 0.2, '503': 0.1 }, resetRate: 0.03 }),
      [500, 503, 0],
    ),
};

export const sfcc429: Scenario = {
  id: 'sfcc-429-storm',
  title: 'SFCC 429 storm with Retry-After (3 requests/s per client)',
  run: (ctx) =>
    countStatuses(ctx, () => sfccFault(ctx, { rateLimit: { ratePerSecond: 3, burst: 3 } }), [429]),
};

export const sfccShedding: Scenario = {
  id: 'sfcc-load-shedding',
  title: 'SFCC under load: sfdc_load_status THROTTLE, half the calls shed with 503',
  run: (ctx) => countStatuses(ctx, () => sfccFault(ctx, { load: { percent: 95, shedShare: 0.5 } }), [503]),
};

export const sfccOutage: Scenario = {
  id: 'sfcc-outage',
  title: 'SFCC outage (every call 503)',
  run: (ctx) =>
    countStatuses(
      ctx,
      () =>
        sfccFault(
          ctx,
          { outageSeconds: ctx.profile.sfccOutageSeconds },
          ctx.profile.sfccOutageSeconds * 1000,
        ),
      [503],
    ),
};

export const sfccSlow: Scenario = {
  id: 'sfcc-slow',
  title: 'SFCC slow responses (p50 2 s)',
  run: (ctx) =>
    countStatuses(
      ctx,
      () =>
        sfccFault(ctx, {
          latencyMs: { p50: ctx.profile.slowResponseMs, p99: ctx.profile.slowResponseMs * 1.5 },
        }),
      [200],
    ),
};

export const sfccTokens: Scenario = {
  id: 'sfcc-token-revocation',
  title: 'SFCC revokes every access token, repeatedly',
  async run(ctx) {
    await countStatuses(ctx, async () => {
      const from = Date.now();
      const times = 4;
      for (let i = 0; i < times; i++) {
        await ctx.system.sfcc.revokeTokens();
        await ctx.sleep(ctx.profile.faultMs / times);
      }
      ctx.note('revocations', times);
      ctx.faultWindow({ from, to: Date.now() });
    }, [401]);
  },
};
