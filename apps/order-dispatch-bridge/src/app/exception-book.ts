import type { IntegrationException } from '@wair-sfcc/contracts';
import { exceptionId, resolveException, upsertException, type Finding } from '@wair-sfcc/audit-rules';
import type { TypedProducer } from '@wair-sfcc/kafka';

/** The exception types the bridge raises and resolves itself. */
export const BRIDGE_EXCEPTION_TYPES = ['ORDER_NOT_ACCEPTED', 'DISPATCH_NOT_CONFIRMED'] as const;
export type BridgeExceptionType = (typeof BRIDGE_EXCEPTION_TYPES)[number];

/**
 * The bridge's view of `integration.exceptions.v1` for its own exception types: rebuilt from the
 * table at start (so a restart neither re-opens nor forgets), updated by its own writes. Only
 * material changes are published; a condition seen again only moves `lastSeen` in memory.
 */
export class ExceptionBook {
  private readonly current = new Map<string, IntegrationException>();

  constructor(
    private readonly producer: TypedProducer,
    private readonly topic: string,
    private readonly app: string,
  ) {}

  /** Applies a row of the exceptions table (also rows written by the auditor). */
  apply(id: string, row: IntegrationException | undefined): void {
    if (!row) this.current.delete(id);
    else if ((BRIDGE_EXCEPTION_TYPES as readonly string[]).includes(row.type)) this.current.set(id, row);
  }

  get(type: BridgeExceptionType, subject: string): IntegrationException | undefined {
    return this.current.get(exceptionId(type, subject));
  }

  isOpen(type: BridgeExceptionType, subject: string): boolean {
    const ex = this.get(type, subject);
    return ex !== undefined && ex.state !== 'RESOLVED';
  }

  /** Opens (or re-opens / updates) the exception of a finding; publishes when that changed it. */
  async raise(finding: Finding & { type: BridgeExceptionType }, now: number): Promise<void> {
    const change = upsertException(
      this.current.get(exceptionId(finding.type, finding.subject)),
      finding,
      now,
      this.app,
    );
    this.current.set(change.exception.id, change.exception);
    if (change.kind !== 'SEEN') await this.producer.send(this.topic, change.exception.id, change.exception);
  }

  /** Resolves the exception when one is open; no-op otherwise. */
  async resolve(type: BridgeExceptionType, subject: string, now: number): Promise<void> {
    const existing = this.get(type, subject);
    const change = existing && resolveException(existing, now);
    if (!change) return;
    this.current.set(change.exception.id, change.exception);
    await this.producer.send(this.topic, change.exception.id, change.exception);
  }

  /** Unresolved exceptions per type (for the open exceptions gauge). */
  openByType(): Map<string, number> {
    const out = new Map<string, number>(BRIDGE_EXCEPTION_TYPES.map((t) => [t, 0]));
    for (const ex of this.current.values()) {
      if (ex.state !== 'RESOLVED') out.set(ex.type, (out.get(ex.type) ?? 0) + 1);
    }
    return out;
  }
}
