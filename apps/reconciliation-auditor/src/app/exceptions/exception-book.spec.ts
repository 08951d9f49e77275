import type { IntegrationException } from '@wair-sfcc/contracts';
import { ExceptionLifecycleError, upsertException } from '@wair-sfcc/audit-rules';
import { createAuditorHarness } from '../testing/auditor-harness';
import { UnknownExceptionError } from './exception-book';

const finding = (subject: string, severity: 'HIGH' | 'LOW' = 'HIGH') => ({
  type: 'SKU_MISMATCH' as const,
  subjectType: 'SKU' as const,
  subject,
  severity,
  owner: 'MERCH' as const,
  detail: `${subject} not in SFCC`,
  data: {},
});

describe('exception book', () => {
  it('publishes changes keyed by exception id and serves them before they are read back', async () => {
    const h = createAuditorHarness();
    await h.book.transact((current) => [
      upsertException(current.get('SKU_MISMATCH:A'), finding('A'), 5, 'me'),
    ]);
    expect(h.producer.records.map((r) => [r.topic, r.key])).toEqual([
      ['integration.exceptions.v1', 'SKU_MISMATCH:A'],
    ]);
    expect(h.tables.exceptions.size).toBe(0);
    expect(h.book.get('SKU_MISMATCH:A')?.state).toBe('OPEN');
    h.readBack();
    expect([...h.book.all()].map((e) => e.id)).toEqual(['SKU_MISMATCH:A']);
  });

  it('acknowledges with who and why, and refuses unknown ids and e-mail addresses', async () => {
    const h = createAuditorHarness();
    await h.book.transact((c) => [upsertException(c.get('SKU_MISMATCH:A'), finding('A'), 5, 'me')]);
    const ack = await h.book.acknowledge('SKU_MISMATCH:A', { by: 'merch-17', reason: 'fixing in BM' });
    expect(ack).toMatchObject({
      state: 'ACKNOWLEDGED',
      acknowledgedBy: 'merch-17',
      acknowledgedReason: 'fixing in BM',
    });
    expect((h.producer.records[1]?.value as IntegrationException).state).toBe('ACKNOWLEDGED');
    await expect(h.book.acknowledge('SKU_MISMATCH:B', { by: 'x', reason: 'y' })).rejects.toBeInstanceOf(
      UnknownExceptionError,
    );
    await expect(h.book.acknowledge('SKU_MISMATCH:A', { by: 'a@b.c', reason: 'y' })).rejects.toBeInstanceOf(
      ExceptionLifecycleError,
    );
  });

  it('exports integration_exceptions_open by type, severity and owner, without resolved ones', async () => {
    const h = createAuditorHarness();
    await h.book.transact((c) => [
      upsertException(c.get('SKU_MISMATCH:A'), finding('A'), 5, 'me'),
      upsertException(c.get('SKU_MISMATCH:B'), finding('B'), 5, 'me'),
      upsertException(c.get('SKU_MISMATCH:C'), finding('C', 'LOW'), 5, 'me'),
    ]);
    h.readBack();
    await h.book.transact((c) => [
      {
        kind: 'RESOLVED',
        previous: c.get('SKU_MISMATCH:B'),
        exception: { ...(c.get('SKU_MISMATCH:B') as IntegrationException), state: 'RESOLVED', resolvedAt: 9 },
      },
    ]);
    const page = await h.registry.metrics();
    const line = (sev: string) =>
      page
        .split('\n')
        .find((l) => l.startsWith('integration_exceptions_open{') && l.includes(`severity="${sev}"`));
    expect(line('HIGH')).toMatch(/type="SKU_MISMATCH".*owner="MERCH".* 1$/);
    expect(line('LOW')).toMatch(/ 1$/);
    // Every type in every state, zeros included.
    const byState = (type: string, state: string) =>
      page
        .split('\n')
        .find(
          (l) =>
            l.startsWith('integration_exceptions{') &&
            l.includes(`type="${type}"`) &&
            l.includes(`state="${state}"`),
        );
    expect(byState('SKU_MISMATCH', 'OPEN')).toMatch(/ 2$/);
    expect(byState('SKU_MISMATCH', 'RESOLVED')).toMatch(/ 1$/);
    expect(byState('SYNC_DELAY', 'ACKNOWLEDGED')).toMatch(/ 0$/);
  });

  it('runs transactions one at a time', async () => {
    const h = createAuditorHarness();
    const seen: number[] = [];
    await Promise.all([
      h.book.transact((c) => {
        seen.push(c.size);
        return [upsertException(undefined, finding('A'), 1, 'me')];
      }),
      h.book.transact((c) => {
        seen.push(c.size);
        return [];
      }),
    ]);
    expect(seen).toEqual([0, 1]);
  });
});
