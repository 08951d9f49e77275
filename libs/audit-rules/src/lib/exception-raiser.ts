import type { IntegrationException } from '@wair-sfcc/contracts';
import { resolveException, upsertException, type ExceptionChange } from './exception-lifecycle';
import { exceptionId, type Finding } from './finding.model';

export interface ExceptionRaiserOptions {
  /**
   * The exception's row on the compacted exceptions table, as the app reads it back. It is the
   * authority on state: a person's acknowledgement or the auditor's resolution arrives only there.
   */
  onTable: (id: string) => IntegrationException | undefined;
  raisedBy: string;
  /**
   * A condition seen again without a material change is published again after this long, so the
   * topic's `lastSeen` stays current for the auditor and the dashboard (default one hour).
   */
  republishMs?: number;
}

/**
 * Raises exceptions from an app that is not their lifecycle owner (the writer's and wair-ingest's
 * SKU_MISMATCH): each raise continues the row on the table instead of starting a fresh OPEN one,
 * so an acknowledgement survives the next sighting and a restart, `firstSeen` and `occurrences`
 * carry on, and unchanged sightings are coalesced.
 */
export interface ExceptionRaiser {
  /**
   * What to publish for `finding` seen at `now`; undefined when the topic already says it (an
   * unchanged sighting within `republishMs`). Call {@link ExceptionRaiser.published} once sent.
   */
  raise(finding: Finding, now: number): ExceptionChange | undefined;
  /**
   * The condition cleared: what to publish to resolve it, or undefined when it is not open. Call
   * {@link ExceptionRaiser.published} once sent.
   */
  resolve(id: string, now: number): ExceptionChange | undefined;
  /** The exception as this process knows it: the table's row with sightings not yet published. */
  current(id: string): IntegrationException | undefined;
  /** Records that this version reached the topic. */
  published(exception: IntegrationException): void;
}

export function createExceptionRaiser(options: ExceptionRaiserOptions): ExceptionRaiser {
  const republishMs = options.republishMs ?? 3_600_000;
  // Our newest version of each exception and the lastSeen of the newest one we published: the
  // table lags our own sends, and unpublished sightings exist only here.
  const local = new Map<string, { exception: IntegrationException; publishedLastSeen: number }>();

  const current = (id: string): IntegrationException | undefined => {
    const table = options.onTable(id);
    const mine = local.get(id)?.exception;
    if (!table || !mine) return table ?? mine;
    // State, acknowledgement and resolution come from the table; counts never go back.
    return {
      ...table,
      lastSeen: Math.max(table.lastSeen, mine.lastSeen),
      occurrences: Math.max(table.occurrences, mine.occurrences),
    };
  };

  return {
    raise(finding, now) {
      const id = exceptionId(finding.type, finding.subject);
      const change = upsertException(current(id), finding, now, options.raisedBy);
      const publishedLastSeen = local.get(id)?.publishedLastSeen ?? 0;
      local.set(id, { exception: change.exception, publishedLastSeen });
      const onTopic = Math.max(options.onTable(id)?.lastSeen ?? 0, publishedLastSeen);
      if (change.kind === 'SEEN' && now - onTopic < republishMs) return undefined;
      return change;
    },
    resolve(id, now) {
      const existing = current(id);
      const change = existing && resolveException(existing, now);
      if (!change) return undefined;
      local.set(id, {
        exception: change.exception,
        publishedLastSeen: local.get(id)?.publishedLastSeen ?? 0,
      });
      return change;
    },
    current,
    published(exception) {
      const entry = local.get(exception.id);
      if (entry) entry.publishedLastSeen = Math.max(entry.publishedLastSeen, exception.lastSeen);
    },
  };
}
