import type { Scenario, ScenarioContext } from './scenario';
import { signalStack, stackCommand, waitStackGone, type ChaosStack } from './stack-control';

function ownStack(ctx: ScenarioContext): ChaosStack {
  if (!ctx.stack) throw new Error('this scenario runs only against the chaos command’s own stack');
  return ctx.stack;
}

/** (4) The broker SIGKILLed mid-stream and started again on its data. */
export const brokerKill: Scenario = {
  id: 'broker-sigkill',
  title: 'Kafka broker SIGKILLed mid-stream, restarted after a few seconds',
  needsOwnStack: true,
  async run(ctx) {
    const stack = ownStack(ctx);
    await ctx.sleep(ctx.profile.killGapMs);
    const from = Date.now();
    if (!signalStack(stack, 'kafka', 'SIGKILL')) throw new Error('no chaos broker to kill');
    await waitStackGone(stack, 'kafka');
    await ctx.sleep(5_000);
    const restart = Date.now();
    if (!(await stackCommand(stack, 'up'))) throw new Error('the broker did not come back');
    ctx.note('broker down s', Math.round((Date.now() - from) / 1000));
    ctx.note('restart s', Math.round((Date.now() - restart) / 1000));
    ctx.faultWindow({ from, to: Date.now() });
  },
};

/** (4b) The broker frozen (SIGSTOP) and thawed (SIGCONT): connections stay open, nothing answers. */
export const brokerPause: Scenario = {
  id: 'broker-pause',
  title: 'Kafka broker paused (SIGSTOP/SIGCONT)',
  needsOwnStack: true,
  async run(ctx) {
    const stack = ownStack(ctx);
    await ctx.sleep(ctx.profile.killGapMs);
    const from = Date.now();
    if (!signalStack(stack, 'kafka', 'SIGSTOP')) throw new Error('no chaos broker to pause');
    try {
      await ctx.sleep(ctx.profile.brokerPauseMs);
    } finally {
      signalStack(stack, 'kafka', 'SIGCONT');
    }
    ctx.note('paused s', Math.round((Date.now() - from) / 1000));
    ctx.faultWindow({ from, to: Date.now() });
  },
};

/**
 * (3) The schema registry unavailable: its process frozen (SIGSTOP) for the outage, then resumed.
 * Not killed: the local Apicurio keeps schemas in memory, so a restart would hand out new ids for
 * records already on the topics — a loss a production registry (schemas stored in Kafka) never has.
 */
export const registryOutage: Scenario = {
  id: 'registry-outage',
  title: 'schema registry unavailable (Apicurio process stopped, then resumed)',
  needsOwnStack: true,
  async run(ctx) {
    const stack = ownStack(ctx);
    await ctx.sleep(ctx.profile.killGapMs);
    const from = Date.now();
    if (!signalStack(stack, 'registry', 'SIGSTOP')) throw new Error('no chaos registry to stop');
    try {
      await ctx.sleep(ctx.profile.registryOutageMs);
    } finally {
      signalStack(stack, 'registry', 'SIGCONT');
    }
    ctx.note('registry down s', Math.round((Date.now() - from) / 1000));
    ctx.faultWindow({ from, to: Date.now() });
  },
};
