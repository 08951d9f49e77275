import type { IntegrationException } from '@wair-sfcc/contracts';
import { acknowledgeException, resolveException } from './exception-lifecycle';
import { createExceptionRaiser } from './exception-raiser';
import type { Finding } from './finding.model';

const HOUR = 3_600_000;
const finding = (detail = 'SFCC has abc-001 (differs in case)'): Finding => ({
  type: 'SKU_MISMATCH',
  subjectType: 'SKU',
  subject: 'ABC-001',
  severity: 'HIGH',
  owner: 'MERCH',
  detail,
  data: { reason: 'NOT_IN_CATALOG' },
});

/** A raiser over an in-memory table that receives what the raiser publishes only when told to. */
function setUp() {
  const table = new Map<string, IntegrationException>();
  const raiser = createExceptionRaiser({ onTable: (id) => table.get(id), raisedBy: 'writer' });
  const sent: IntegrationException[] = [];
  const raise = (f: Finding, now: number, readBack = true) => {
    const change = raiser.raise(f, now);
    if (!change) return undefined;
    sent.push(change.exception);
    raiser.published(change.exception);
    if (readBack) table.set(change.exception.id, change.exception);
    return change;
  };
  return { table, raiser, sent, raise };
}

describe('createExceptionRaiser', () => {
  it('opens once, coalesces unchanged sightings within the hour, and republishes after it', () => {
    const { sent, raise } = setUp();
    expect(raise(finding(), 1_000)?.kind).toBe('OPENED');
    expect(raise(finding(), 2_000)).toBeUndefined();
    expect(raise(finding(), 3_000)).toBeUndefined();
    const later = raise(finding(), 1_000 + HOUR);
    expect(later).toMatchObject({ kind: 'SEEN', exception: { firstSeen: 1_000, occurrences: 4 } });
    expect(sent.map((e) => e.lastSeen)).toEqual([1_000, 1_000 + HOUR]);
  });

  it('publishes a changed detail at once', () => {
    const { raise } = setUp();
    raise(finding(), 1_000);
    expect(raise(finding("SFCC has 'ABC-0001' (leading zeros)"), 2_000)).toMatchObject({
      kind: 'UPDATED',
      exception: { occurrences: 2, firstSeen: 1_000, state: 'OPEN' },
    });
  });

  it("keeps a person's acknowledgement when the condition is seen again or changes", () => {
    const { table, raise } = setUp();
    const opened = raise(finding(), 1_000)?.exception as IntegrationException;
    const acked = acknowledgeException(opened, { by: 'merch-42', reason: 'variant goes live Monday' });
    table.set(opened.id, acked.exception);

    const again = raise(finding("SFCC has 'ABC-0001' (leading zeros)"), 5_000);
    expect(again?.exception).toMatchObject({
      state: 'ACKNOWLEDGED',
      acknowledgedBy: 'merch-42',
      acknowledgedReason: 'variant goes live Monday',
      occurrences: 2,
    });
  });

  it('continues the row on the table after a restart: state, firstSeen and occurrences carry on', () => {
    const first = setUp();
    first.raise(finding(), 1_000);
    first.raise(finding(), 1_000 + HOUR);
    const row = first.table.get('SKU_MISMATCH:ABC-001') as IntegrationException;
    const acked = acknowledgeException(row, { by: 'merch-42', reason: 'known' }).exception;

    // A new process: nothing in memory, the table as the topic holds it.
    const restarted = setUp();
    restarted.table.set(acked.id, acked);
    expect(restarted.raise(finding(), 2_000 + HOUR)).toBeUndefined();
    const seen = restarted.raise(finding(), 1_000 + 2 * HOUR);
    expect(seen?.exception).toMatchObject({
      state: 'ACKNOWLEDGED',
      firstSeen: 1_000,
      occurrences: 4,
    });
  });

  it('re-opens an exception the auditor resolved, clearing the acknowledgement', () => {
    const { table, raise } = setUp();
    const opened = raise(finding(), 1_000)?.exception as IntegrationException;
    table.set(opened.id, (resolveException(opened, 2_000) as { exception: IntegrationException }).exception);
    expect(raise(finding(), 3_000)).toMatchObject({
      kind: 'REOPENED',
      exception: { state: 'OPEN', resolvedAt: null, occurrences: 2 },
    });
  });

  it('does not let a table that lags its own sends set the counts back', () => {
    const { raise } = setUp();
    raise(finding(), 1_000);
    // Published but not yet read back: the table still holds the first version.
    raise(finding('changed'), 2_000, false);
    const third = raise(finding('changed again'), 3_000, false);
    expect(third?.exception.occurrences).toBe(3);
  });

  it('resolves an open exception once, keeping its counts; a later sighting re-opens it', () => {
    const { raiser, table, raise } = setUp();
    raise(finding(), 1_000);
    raise(finding(), 2_000);
    expect(raiser.current('SKU_MISMATCH:ABC-001')).toMatchObject({ lastSeen: 2_000, occurrences: 2 });
    const resolved = raiser.resolve('SKU_MISMATCH:ABC-001', 5_000);
    expect(resolved).toMatchObject({
      kind: 'RESOLVED',
      exception: { state: 'RESOLVED', resolvedAt: 5_000, occurrences: 2, lastSeen: 2_000 },
    });
    table.set('SKU_MISMATCH:ABC-001', (resolved as { exception: IntegrationException }).exception);
    expect(raiser.resolve('SKU_MISMATCH:ABC-001', 6_000)).toBeUndefined();
    expect(raiser.resolve('SKU_MISMATCH:UNKNOWN', 6_000)).toBeUndefined();
    expect(raise(finding(), 7_000)?.kind).toBe('REOPENED');
  });
});
