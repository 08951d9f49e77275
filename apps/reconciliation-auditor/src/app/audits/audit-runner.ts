import type { ExceptionType } from '@wair-sfcc/contracts';
import { exceptionId, reconcileExceptions, type ExceptionChangeKind } from '@wair-sfcc/audit-rules';
import type { ExceptionBook } from '../exceptions/exception-book';
import type { AuditDefinition } from './audit-definition';

/** Outcome of one audit run. */
export interface AuditRunResult {
  type: ExceptionType;
  startedAt: number;
  durationMs: number;
  findings: number;
  /** Findings left to the app that raised the exception first (not ours to update). */
  leftToOthers: number;
  changes: Record<ExceptionChangeKind, number>;
  stats: Record<string, number>;
}

export interface AuditRunnerOptions {
  book: ExceptionBook;
  /** `raisedBy` of the exceptions this process owns. */
  appName: string;
  now: () => number;
}

const noChanges = (): Record<ExceptionChangeKind, number> => ({
  OPENED: 0,
  REOPENED: 0,
  UPDATED: 0,
  SEEN: 0,
  RESOLVED: 0,
  ACKNOWLEDGED: 0,
});

/**
 * Runs an audit and applies its findings through `reconcileExceptions`. Other apps raise the same
 * types (the writer's SKU_MISMATCH, the bridge's): an exception another app raised and that is not
 * resolved is theirs — the auditor neither updates nor resolves it, unless the run `adopts` the
 * subject (it judged it in full); a resolved one it may re-open.
 */
export function createAuditRunner(options: AuditRunnerOptions) {
  const { book, appName } = options;
  return async (audit: AuditDefinition): Promise<AuditRunResult> => {
    const startedAt = options.now();
    const found = await audit.find(startedAt);
    let leftToOthers = 0;
    const changes = await book.transact((current) => {
      const theirs = (id: string) => {
        const ex = current.get(id);
        return (
          ex !== undefined &&
          ex.raisedBy !== appName &&
          ex.state !== 'RESOLVED' &&
          !(found.adopts?.(ex.subject) ?? false)
        );
      };
      const findings = found.findings.filter((f) => !theirs(exceptionId(f.type, f.subject)));
      leftToOthers = found.findings.length - findings.length;
      return reconcileExceptions({
        current,
        findings,
        scope: {
          types: [audit.type],
          covers: (subject) =>
            (current.get(exceptionId(audit.type, subject))?.raisedBy === appName ||
              (found.adopts?.(subject) ?? false)) &&
            (found.covers?.(subject) ?? true),
        },
        now: options.now(),
        raisedBy: appName,
      });
    });
    const counts = noChanges();
    for (const c of changes) counts[c.kind] += 1;
    return {
      type: audit.type,
      startedAt,
      durationMs: options.now() - startedAt,
      findings: found.findings.length,
      leftToOthers,
      changes: counts,
      stats: found.stats ?? {},
    };
  };
}

export type AuditRunner = ReturnType<typeof createAuditRunner>;
