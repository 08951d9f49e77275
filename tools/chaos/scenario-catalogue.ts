import { allRestart, appKills } from './app-scenarios';
import type { Scenario } from './scenario';
import { sfcc429, sfcc5xx, sfccOutage, sfccShedding, sfccSlow, sfccTokens } from './sfcc-scenarios';
import { brokerKill, brokerPause, registryOutage } from './stack-scenarios';
import { wairFeedOutage, wairMalformed, wairTokens, wairWebhooks } from './wair-scenarios';

/** Every scenario in priority order (the list: apps, SFCC, WAIR, registry, broker). */
export const SCENARIOS: readonly Scenario[] = [
  appKills,
  allRestart,
  sfcc5xx,
  sfcc429,
  sfccShedding,
  sfccOutage,
  sfccSlow,
  sfccTokens,
  wairWebhooks,
  wairFeedOutage,
  wairTokens,
  wairMalformed,
  registryOutage,
  brokerPause,
  brokerKill,
];

/** The scenarios named in `only` (all when empty), without those needing an own stack when there is none. */
export function selectScenarios(only: readonly string[], ownStack: boolean): Scenario[] {
  const unknown = only.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length > 0)
    throw new Error(
      `unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`,
    );
  return SCENARIOS.filter(
    (s) => (only.length === 0 || only.includes(s.id)) && (ownStack || !s.needsOwnStack),
  );
}
