import type { IntegrationException } from '@wair-sfcc/contracts';
import { alertForBreach, alertForExceptionChange, toGenericBody, toSlackBody } from './alert-format';
import type { AlertMessage } from './alert-dedup';

const ex: IntegrationException = {
  id: 'INVENTORY_DRIFT:A',
  type: 'INVENTORY_DRIFT',
  severity: 'HIGH',
  owner: 'OPS',
  subjectType: 'SKU',
  subject: 'A',
  detail: 'A over-stated by 3',
  data: {},
  raisedBy: 'auditor',
  firstSeen: 0,
  lastSeen: 10,
  occurrences: 1,
  state: 'OPEN',
  acknowledgedBy: null,
  acknowledgedReason: null,
  resolvedAt: null,
};

describe('alert events', () => {
  it.each([
    ['new HIGH', { kind: 'OPENED' as const, exception: ex, previous: undefined }, true],
    ['re-opened HIGH', { kind: 'REOPENED' as const, exception: ex, previous: ex }, true],
    [
      'escalated to HIGH',
      { kind: 'UPDATED' as const, exception: ex, previous: { ...ex, severity: 'LOW' as const } },
      true,
    ],
    ['seen again', { kind: 'SEEN' as const, exception: ex, previous: ex }, false],
    ['resolved', { kind: 'RESOLVED' as const, exception: ex, previous: ex }, false],
    [
      'new MEDIUM',
      { kind: 'OPENED' as const, exception: { ...ex, severity: 'MEDIUM' as const }, previous: undefined },
      false,
    ],
  ])('%s → alert: %p', (_n, change, alerts) => {
    expect(alertForExceptionChange(change) !== undefined).toBe(alerts);
  });

  it('groups identical exceptions by type and severity', () => {
    expect(alertForExceptionChange({ kind: 'OPENED', exception: ex, previous: undefined })).toMatchObject({
      key: 'INVENTORY_DRIFT:HIGH',
      subject: 'A',
      owner: 'OPS',
    });
  });

  it('describes a breach', () => {
    expect(
      alertForBreach({
        kind: 'CONSUMER_LAG',
        subject: 'writer',
        value: 5000,
        threshold: 1000,
        unit: 'records',
        severity: 'HIGH',
        at: 0,
      }),
    ).toMatchObject({
      key: 'BREACH:CONSUMER_LAG:writer',
      text: 'CONSUMER_LAG of writer is 5000 records (threshold 1000 records)',
    });
  });
});

describe('webhook bodies', () => {
  const m: AlertMessage = {
    key: 'K',
    title: 'HIGH SYNC_DELAY (owner PLATFORM)',
    severity: 'HIGH',
    owner: 'PLATFORM',
    text: 'late',
    count: 1000,
    subjects: ['A', 'B'],
    firstAt: 0,
    lastAt: 1000,
  };
  it('Slack body has a text fallback with the count and blocks', () => {
    const body = toSlackBody(m);
    expect(body['text']).toBe('HIGH SYNC_DELAY (owner PLATFORM) (×1000)\nlate\nSubjects: A, B, …');
    expect(body['blocks']).toHaveLength(3);
    expect(JSON.stringify(body)).toContain('*Count* 1000');
  });
  it('generic body carries the fields with ISO times', () => {
    expect(toGenericBody(m)).toEqual({
      source: 'reconciliation-auditor',
      key: 'K',
      title: 'HIGH SYNC_DELAY (owner PLATFORM)',
      severity: 'HIGH',
      owner: 'PLATFORM',
      text: 'late',
      count: 1000,
      subjects: ['A', 'B'],
      firstAt: '1970-01-01T00:00:00.000Z',
      lastAt: '1970-01-01T00:00:01.000Z',
    });
  });
});
