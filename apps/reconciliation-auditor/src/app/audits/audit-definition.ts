import type { ExceptionType } from '@wair-sfcc/contracts';
import type { Finding } from '@wair-sfcc/audit-rules';

/** What one run of an audit found, and which subjects it examined. */
export interface AuditFindings {
  findings: Finding[];
  /** Subjects examined (a rotating sample); undefined = every subject of the type. */
  covers?: (subject: string) => boolean;
  /**
   * Subjects this run judged in full, so an open exception another app raised about them is taken
   * over (updated, or resolved when the condition cleared). Without it, others' exceptions are left alone.
   */
  adopts?: (subject: string) => boolean;
  /** Numbers worth showing next to the run (records read, rows compared, ...). */
  stats?: Record<string, number>;
}

/** One scheduled audit: a type of exception it owns, how often it runs, how it finds. */
export interface AuditDefinition {
  type: ExceptionType;
  /** 0 = on demand only. */
  intervalMs: number;
  find(now: number): Promise<AuditFindings>;
}
