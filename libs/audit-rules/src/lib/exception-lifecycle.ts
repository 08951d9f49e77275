import type { ExceptionType, IntegrationException } from '@wair-sfcc/contracts';
import { exceptionId, type Finding } from './finding.model';

/**
 * What happened to one exception. OPENED/REOPENED/UPDATED/RESOLVED/ACKNOWLEDGED are material
 * (publish now); SEEN only moved `lastSeen`/`occurrences` (the app may coalesce those).
 */
export type ExceptionChangeKind = 'OPENED' | 'REOPENED' | 'UPDATED' | 'SEEN' | 'RESOLVED' | 'ACKNOWLEDGED';

export interface ExceptionChange {
  kind: ExceptionChangeKind;
  exception: IntegrationException;
  previous: IntegrationException | undefined;
}

/** True for every change but SEEN. */
export function isMaterialChange(change: ExceptionChange): boolean {
  return change.kind !== 'SEEN';
}

/** An acknowledgement that cannot be applied. */
export class ExceptionLifecycleError extends Error {
  readonly retriable = false;
  constructor(
    message: string,
    readonly context: { exceptionId: string },
  ) {
    super(message);
    this.name = 'ExceptionLifecycleError';
  }
}

function sameContent(a: IntegrationException, f: Finding): boolean {
  const keys = Object.keys(f.data);
  return (
    a.severity === f.severity &&
    a.owner === f.owner &&
    a.detail === f.detail &&
    keys.length === Object.keys(a.data).length &&
    keys.every((k) => a.data[k] === f.data[k])
  );
}

/**
 * Records that a rule detected `finding` at `now`. A new condition opens; a resolved one re-opens
 * (acknowledgement cleared: it is a new occurrence, `firstSeen` kept); an open or acknowledged one
 * keeps its state and gets `lastSeen`, `occurrences` and the finding's severity, detail and data.
 */
export function upsertException(
  existing: IntegrationException | undefined,
  finding: Finding,
  now: number,
  raisedBy: string,
): ExceptionChange {
  const content = {
    type: finding.type,
    severity: finding.severity,
    owner: finding.owner,
    subjectType: finding.subjectType,
    subject: finding.subject,
    detail: finding.detail,
    data: { ...finding.data },
  };
  if (!existing) {
    const exception: IntegrationException = {
      id: exceptionId(finding.type, finding.subject),
      ...content,
      raisedBy,
      firstSeen: now,
      lastSeen: now,
      occurrences: 1,
      state: 'OPEN',
      acknowledgedBy: null,
      acknowledgedReason: null,
      resolvedAt: null,
    };
    return { kind: 'OPENED', exception, previous: undefined };
  }
  const seen = { lastSeen: Math.max(existing.lastSeen, now), occurrences: existing.occurrences + 1 };
  if (existing.state === 'RESOLVED') {
    const exception: IntegrationException = {
      ...existing,
      ...content,
      ...seen,
      raisedBy,
      state: 'OPEN',
      acknowledgedBy: null,
      acknowledgedReason: null,
      resolvedAt: null,
    };
    return { kind: 'REOPENED', exception, previous: existing };
  }
  const kind = sameContent(existing, finding) ? 'SEEN' : 'UPDATED';
  return { kind, exception: { ...existing, ...content, ...seen }, previous: existing };
}

/** The condition cleared: RESOLVED with `resolvedAt`; undefined when it already was. */
export function resolveException(existing: IntegrationException, now: number): ExceptionChange | undefined {
  if (existing.state === 'RESOLVED') return undefined;
  return {
    kind: 'RESOLVED',
    exception: { ...existing, state: 'RESOLVED', resolvedAt: now },
    previous: existing,
  };
}

/**
 * A person takes the exception on. `by` is a user id — e-mail addresses are refused because the
 * topic must stay free of personal data. An acknowledged exception stays ACKNOWLEDGED while the
 * condition holds (see {@link upsertException}).
 *
 * @throws ExceptionLifecycleError when `by`/`reason` are blank, `by` looks like an e-mail address,
 * or the exception is already resolved.
 */
export function acknowledgeException(
  existing: IntegrationException,
  ack: { by: string; reason: string },
): ExceptionChange {
  const context = { exceptionId: existing.id };
  if (!ack.by.trim() || !ack.reason.trim()) {
    throw new ExceptionLifecycleError(`acknowledging ${existing.id} needs a user id and a reason`, context);
  }
  if (ack.by.includes('@')) {
    throw new ExceptionLifecycleError(
      `acknowledge with a user id, not an e-mail address (${existing.id})`,
      context,
    );
  }
  if (existing.state === 'RESOLVED') {
    throw new ExceptionLifecycleError(`${existing.id} is already resolved; nothing to acknowledge`, context);
  }
  const exception: IntegrationException = {
    ...existing,
    state: 'ACKNOWLEDGED',
    acknowledgedBy: ack.by.trim(),
    acknowledgedReason: ack.reason.trim(),
  };
  return { kind: 'ACKNOWLEDGED', exception, previous: existing };
}

/** Which existing exceptions an audit run speaks for (only those may be auto-resolved by it). */
export interface AuditScope {
  types: readonly ExceptionType[];
  /** Subjects the run actually examined (e.g. a rotating sample); default: all. */
  covers?: (subject: string) => boolean;
}

/**
 * Applies one audit run: upserts every finding and resolves every unresolved exception in scope
 * that the run no longer finds. Returns only what changed, in a stable order (upserts in finding
 * order, then resolutions by id), so the app publishes changes and nothing else.
 */
export function reconcileExceptions(input: {
  current: ReadonlyMap<string, IntegrationException>;
  findings: readonly Finding[];
  scope: AuditScope;
  now: number;
  raisedBy: string;
}): ExceptionChange[] {
  const { current, findings, scope, now, raisedBy } = input;
  const changes: ExceptionChange[] = [];
  const found = new Set<string>();
  for (const finding of findings) {
    const id = exceptionId(finding.type, finding.subject);
    if (found.has(id)) continue;
    found.add(id);
    changes.push(upsertException(current.get(id), finding, now, raisedBy));
  }
  const types = new Set(scope.types);
  const resolved: ExceptionChange[] = [];
  for (const [id, ex] of current) {
    if (found.has(id) || !types.has(ex.type) || (scope.covers && !scope.covers(ex.subject))) continue;
    const change = resolveException(ex, now);
    if (change) resolved.push(change);
  }
  resolved.sort((a, b) => (a.exception.id < b.exception.id ? -1 : 1));
  return [...changes, ...resolved];
}
