import {
  EXCEPTION_STATE_VALUES,
  EXCEPTION_TYPE_VALUES,
  OWNER_TEAM_VALUES,
  SEVERITY_VALUES,
  type IntegrationException,
} from '@wair-sfcc/contracts';
import { severityRank } from '@wair-sfcc/audit-rules';

/** A filter on exceptions, from query parameters (comma-separated values; `state=ALL` for every state). */
export interface ExceptionQuery {
  owner?: ReadonlySet<string>;
  type?: ReadonlySet<string>;
  severity?: ReadonlySet<string>;
  state: ReadonlySet<string>;
  subject?: string;
}

/** A query parameter with a value outside its enum. */
export class ExceptionQueryError extends Error {
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'ExceptionQueryError';
  }
}

const OPEN_STATES = new Set(['OPEN', 'ACKNOWLEDGED']);

function parseSet(name: string, raw: unknown, allowed: readonly string[]): Set<string> | undefined {
  if (raw === undefined || raw === '') return undefined;
  const values = String(raw)
    .split(',')
    .map((v) => v.trim().toUpperCase())
    .filter(Boolean);
  const bad = values.filter((v) => !allowed.includes(v));
  if (bad.length)
    throw new ExceptionQueryError(`${name} must be one of ${allowed.join(', ')} (got ${bad.join(', ')})`);
  return new Set(values);
}

/** Parses `owner`, `type`, `severity`, `state` (default OPEN,ACKNOWLEDGED) and `subject`. @throws ExceptionQueryError */
export function parseExceptionQuery(q: Record<string, unknown>): ExceptionQuery {
  const state =
    String(q['state'] ?? '').toUpperCase() === 'ALL'
      ? new Set<string>(EXCEPTION_STATE_VALUES)
      : (parseSet('state', q['state'], EXCEPTION_STATE_VALUES) ?? OPEN_STATES);
  return {
    owner: parseSet('owner', q['owner'], OWNER_TEAM_VALUES),
    type: parseSet('type', q['type'], EXCEPTION_TYPE_VALUES),
    severity: parseSet('severity', q['severity'], SEVERITY_VALUES),
    state,
    subject: q['subject'] === undefined ? undefined : String(q['subject']),
  };
}

/** Matching exceptions, most urgent first: severity, then most recently seen, then id. */
export function selectExceptions(
  all: Iterable<IntegrationException>,
  q: ExceptionQuery,
): IntegrationException[] {
  const out: IntegrationException[] = [];
  for (const e of all) {
    if (!q.state.has(e.state)) continue;
    if (q.owner && !q.owner.has(e.owner)) continue;
    if (q.type && !q.type.has(e.type)) continue;
    if (q.severity && !q.severity.has(e.severity)) continue;
    if (q.subject !== undefined && e.subject !== q.subject) continue;
    out.push(e);
  }
  return out.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      b.lastSeen - a.lastSeen ||
      (a.id < b.id ? -1 : 1),
  );
}
