import { buildOrderFact } from '@wair-sfcc/audit-rules/testing';
import type { IntegrationException } from '@wair-sfcc/contracts';
import { createAuditorHarness } from '../testing/auditor-harness';
import type { AuditDefinition } from './audit-definition';

const HOUR = 3_600_000;

function orderAudit(findingsFor: () => string[]): AuditDefinition {
  return {
    type: 'ORDER_NOT_ACCEPTED',
    intervalMs: 0,
    find: async () => ({
      findings: findingsFor().map((subject) => ({
        type: 'ORDER_NOT_ACCEPTED' as const,
        subjectType: 'ORDER' as const,
        subject,
        severity: 'MEDIUM' as const,
        owner: 'OPS' as const,
        detail: `order ${subject} late`,
        data: {},
      })),
    }),
  };
}

const published = (h: ReturnType<typeof createAuditorHarness>) =>
  h.producer.records.map((r) => [
    r.key,
    (r.value as IntegrationException).state,
    (r.value as IntegrationException).occurrences,
  ]);

describe('audit runner', () => {
  it('opens, counts occurrences and resolves its own exceptions', async () => {
    const h = createAuditorHarness();
    let found = ['O1'];
    const audit = orderAudit(() => found);
    const first = await h.run(audit);
    expect(first.changes.OPENED).toBe(1);
    h.clock.set(h.clock.now() + HOUR);
    // Not read back yet: the book still knows what it published.
    const second = await h.run(audit);
    expect(second.changes.SEEN).toBe(1);
    h.readBack();
    found = [];
    const third = await h.run(audit);
    expect(third.changes.RESOLVED).toBe(1);
    expect(published(h)).toEqual([
      ['ORDER_NOT_ACCEPTED:O1', 'OPEN', 1],
      ['ORDER_NOT_ACCEPTED:O1', 'OPEN', 2],
      ['ORDER_NOT_ACCEPTED:O1', 'RESOLVED', 2],
    ]);
    const ex = h.producer.records[2]?.value as IntegrationException;
    expect(ex.firstSeen).toBe(1_700_000_000_000);
    expect(ex.lastSeen).toBe(1_700_000_000_000 + HOUR);
  });

  it('leaves exceptions another app raised alone: no update, no resolution', async () => {
    const h = createAuditorHarness();
    const theirs: IntegrationException = {
      id: 'ORDER_NOT_ACCEPTED:O2',
      type: 'ORDER_NOT_ACCEPTED',
      severity: 'HIGH',
      owner: 'OPS',
      subjectType: 'ORDER',
      subject: 'O2',
      detail: 'raised by the bridge',
      data: {},
      raisedBy: 'order-dispatch-bridge',
      firstSeen: 1,
      lastSeen: 1,
      occurrences: 1,
      state: 'OPEN',
      acknowledgedBy: null,
      acknowledgedReason: null,
      resolvedAt: null,
    };
    h.put('exceptions', theirs.id, theirs);
    h.put('exceptions', 'ORDER_NOT_ACCEPTED:O3', { ...theirs, id: 'ORDER_NOT_ACCEPTED:O3', subject: 'O3' });
    const found = await h.run(orderAudit(() => ['O2']));
    expect(found.leftToOthers).toBe(1);
    expect(h.producer.records).toEqual([]);
  });

  it('re-opens an exception another app resolved, as its own', async () => {
    const h = createAuditorHarness();
    h.put('orders', 'O4', buildOrderFact('O4'));
    h.put('exceptions', 'ORDER_NOT_ACCEPTED:O4', {
      id: 'ORDER_NOT_ACCEPTED:O4',
      type: 'ORDER_NOT_ACCEPTED',
      severity: 'HIGH',
      owner: 'OPS',
      subjectType: 'ORDER',
      subject: 'O4',
      detail: 'x',
      data: {},
      raisedBy: 'order-dispatch-bridge',
      firstSeen: 1,
      lastSeen: 1,
      occurrences: 1,
      state: 'RESOLVED',
      acknowledgedBy: null,
      acknowledgedReason: null,
      resolvedAt: 2,
    } satisfies IntegrationException);
    const result = await h.run(orderAudit(() => ['O4']));
    expect(result.changes.REOPENED).toBe(1);
    expect((h.producer.records[0]?.value as IntegrationException).raisedBy).toBe('reconciliation-auditor');
  });

  it('takes over exceptions of subjects it adopts: resolves the cleared one, leaves the rest', async () => {
    const h = createAuditorHarness();
    const writerRaised = (subject: string): IntegrationException => ({
      id: `SKU_MISMATCH:${subject}`,
      type: 'SKU_MISMATCH',
      severity: 'MEDIUM',
      owner: 'MERCH',
      subjectType: 'SKU',
      subject,
      detail: 'not sellable',
      data: {},
      raisedBy: 'sfcc-inventory-writer',
      firstSeen: 1,
      lastSeen: 1,
      occurrences: 1,
      state: 'OPEN',
      acknowledgedBy: null,
      acknowledgedReason: null,
      resolvedAt: null,
    });
    h.put('exceptions', 'SKU_MISMATCH:FIXED', writerRaised('FIXED'));
    h.put('exceptions', 'SKU_MISMATCH:bad code', writerRaised('bad code'));
    const result = await h.run({
      type: 'SKU_MISMATCH',
      intervalMs: 0,
      // FIXED is a WAIR SKU the run judged (and found fine); "bad code" is outside what it judges.
      find: async () => ({ findings: [], adopts: (subject) => subject === 'FIXED' }),
    });
    expect(result.changes.RESOLVED).toBe(1);
    expect(published(h)).toEqual([['SKU_MISMATCH:FIXED', 'RESOLVED', 1]]);
  });
});
