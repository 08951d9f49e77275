import type { ExceptionChange } from '@wair-sfcc/audit-rules';
import type { BreachSignal } from './alert-notifier';

/**
 * Breach signals for SYNC_DELAY exceptions an audit just opened (or re-opened): a WAIR change past
 * the sync SLA is on-call's business at once, whatever the exception's severity. The value is the
 * age of the WAIR figure (`data.asOf`), or the SLA itself when the figure's time is unknown.
 */
export function syncDelayBreaches(
  changes: readonly ExceptionChange[],
  now: number,
  slaMs: number,
): BreachSignal[] {
  return changes
    .filter((c) => c.exception.type === 'SYNC_DELAY' && (c.kind === 'OPENED' || c.kind === 'REOPENED'))
    .map((c) => {
      const asOf = Date.parse(c.exception.data['asOf'] ?? '');
      return {
        kind: 'SYNC_DELAY',
        key: c.exception.subject,
        value: Number.isFinite(asOf) ? now - asOf : slaMs,
        threshold: slaMs,
      };
    });
}
