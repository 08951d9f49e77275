import { APPS, type AppName } from './chaos-system';
import type { Scenario, ScenarioContext } from './scenario';

/** SIGKILLs `name` and starts it again at once: no drain, no final commit, no goodbye. */
async function killAndRestart(ctx: ScenarioContext, name: AppName): Promise<void> {
  const app = ctx.system.app(name);
  await app.kill('SIGKILL');
  app.start();
}

/** (1) Each app SIGKILLed at random moments, several times, restarted at once (maybe mid-start). */
export const appKills: Scenario = {
  id: 'app-sigkill',
  title: 'each app SIGKILLed at random moments, several times',
  async run(ctx) {
    const kills: AppName[] = [];
    for (let round = 0; round < ctx.profile.killsPerApp; round++)
      for (const name of [...APPS].sort(() => ctx.random() - 0.5)) kills.push(name);
    let from: number | undefined;
    for (const name of kills) {
      await ctx.sleep(Math.round(ctx.profile.killGapMs * (0.3 + ctx.random())));
      from ??= Date.now();
      await killAndRestart(ctx, name);
    }
    ctx.note('SIGKILLs', kills.length);
    await readyAgain(ctx);
    ctx.faultWindow({ from: from ?? Date.now(), to: Date.now() });
  },
};

/**
 * While an app is down SFCC cannot learn of WAIR's drops, so kill-to-ready is a fault window for (b).
 * The fault of a kill lasts until the platform has the process running again: the scenario ends
 * once every app is ready, so convergence is timed from there (the restart time is reported).
 */
async function readyAgain(ctx: ScenarioContext): Promise<void> {
  const from = Date.now();
  await Promise.all(APPS.map((name) => ctx.system.app(name).waitReady(180_000)));
  ctx.note('ready again after s', Math.round((Date.now() - from) / 100) / 10);
}

/** (1b) Every app SIGKILLed at the same moment and all restarted together. */
export const allRestart: Scenario = {
  id: 'all-apps-restart',
  title: 'all four apps SIGKILLed at once and restarted together',
  async run(ctx) {
    await ctx.sleep(ctx.profile.killGapMs);
    const from = Date.now();
    await Promise.all(APPS.map((name) => ctx.system.app(name).kill('SIGKILL')));
    APPS.forEach((name) => ctx.system.app(name).start());
    ctx.note('SIGKILLs', APPS.length);
    await readyAgain(ctx);
    ctx.faultWindow({ from, to: Date.now() });
  },
};
