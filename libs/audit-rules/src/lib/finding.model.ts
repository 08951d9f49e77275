import type { ExceptionType, OwnerTeam, Severity, SubjectType } from '@wair-sfcc/contracts';

/** One condition an audit rule detected, before it becomes (or updates) an `IntegrationException`. */
export interface Finding {
  type: ExceptionType;
  subjectType: SubjectType;
  subject: string;
  severity: Severity;
  owner: OwnerTeam;
  /** For the owner team; never personal data. */
  detail: string;
  data: Record<string, string>;
}

/** The owner team of each exception type (DESIGN §6). */
export const EXCEPTION_OWNERS: Readonly<Record<ExceptionType, OwnerTeam>> = {
  SKU_MISMATCH: 'MERCH',
  INVENTORY_DRIFT: 'OPS',
  SYNC_DELAY: 'PLATFORM',
  DISPATCH_NOT_CONFIRMED: 'CX',
  ORDER_NOT_ACCEPTED: 'OPS',
};

/** The stable exception id and record key: `TYPE:subject`. */
export function exceptionId(type: ExceptionType, subject: string): string {
  return `${type}:${subject}`;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

/** Numeric rank of a severity, LOW = 0 … CRITICAL = 3. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** The more urgent of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/** Human-readable duration for exception details (`2h 5m`, `45s`). */
export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h}h ${m % 60}m` : `${Math.floor(h / 24)}d ${h % 24}h`;
}
