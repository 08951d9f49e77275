import type { IntegrationException } from '@wair-sfcc/contracts';
import {
  acknowledgeException,
  ExceptionLifecycleError,
  isMaterialChange,
  reconcileExceptions,
  upsertException,
} from './exception-lifecycle';
import type { Finding } from './finding.model';

const finding = (subject: string, over: Partial<Finding> = {}): Finding => ({
  type: 'SKU_MISMATCH',
  subjectType: 'SKU',
  subject,
  severity: 'HIGH',
  owner: 'MERCH',
  detail: `no SFCC variant for ${subject}`,
  data: { reason: 'WAIR_SKU_NOT_IN_SFCC' },
  ...over,
});
const asMap = (...xs: IntegrationException[]) => new Map(xs.map((x) => [x.id, x]));
const run = (
  current: Map<string, IntegrationException>,
  findings: Finding[],
  now: number,
  covers?: (s: string) => boolean,
) =>
  reconcileExceptions({
    current,
    findings,
    now,
    raisedBy: 'auditor',
    scope: { types: ['SKU_MISMATCH'], covers },
  });

describe('exception lifecycle', () => {
  const opened = upsertException(undefined, finding('A'), 100, 'auditor').exception;

  it('opens with id TYPE:subject, first/last seen and one occurrence', () => {
    expect(opened).toEqual({
      id: 'SKU_MISMATCH:A',
      type: 'SKU_MISMATCH',
      severity: 'HIGH',
      owner: 'MERCH',
      subjectType: 'SKU',
      subject: 'A',
      detail: 'no SFCC variant for A',
      data: { reason: 'WAIR_SKU_NOT_IN_SFCC' },
      raisedBy: 'auditor',
      firstSeen: 100,
      lastSeen: 100,
      occurrences: 1,
      state: 'OPEN',
      acknowledgedBy: null,
      acknowledgedReason: null,
      resolvedAt: null,
    });
  });

  type Step = {
    findings: Finding[];
    now: number;
    kinds: string[];
    check?: (x: IntegrationException | undefined) => void;
  };
  const scenarios: Array<[string, IntegrationException[], Step[]]> = [
    [
      'seen again: firstSeen kept, lastSeen and occurrences move, not material',
      [opened],
      [
        {
          findings: [finding('A')],
          now: 200,
          kinds: ['SEEN'],
          check: (x) => expect(x).toMatchObject({ firstSeen: 100, lastSeen: 200, occurrences: 2 }),
        },
      ],
    ],
    [
      'severity changes: UPDATED',
      [opened],
      [
        {
          findings: [finding('A', { severity: 'MEDIUM' })],
          now: 200,
          kinds: ['UPDATED'],
          check: (x) => expect(x?.severity).toBe('MEDIUM'),
        },
      ],
    ],
    [
      'condition clears: RESOLVED once, then nothing',
      [opened],
      [
        {
          findings: [],
          now: 300,
          kinds: ['RESOLVED'],
          check: (x) => expect(x).toMatchObject({ state: 'RESOLVED', resolvedAt: 300 }),
        },
        { findings: [], now: 400, kinds: [] },
      ],
    ],
    [
      'resolves and returns: re-opened, firstSeen kept',
      [opened],
      [
        { findings: [], now: 300, kinds: ['RESOLVED'] },
        {
          findings: [finding('A')],
          now: 500,
          kinds: ['REOPENED'],
          check: (x) =>
            expect(x).toMatchObject({ state: 'OPEN', firstSeen: 100, resolvedAt: null, occurrences: 2 }),
        },
      ],
    ],
    [
      'acknowledged stays acknowledged while the condition holds, re-opens after it resolved and returned',
      [acknowledgeException(opened, { by: 'u123', reason: 'supplier fixing feed' }).exception],
      [
        {
          findings: [finding('A')],
          now: 200,
          kinds: ['SEEN'],
          check: (x) => expect(x).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: 'u123' }),
        },
        { findings: [], now: 300, kinds: ['RESOLVED'] },
        {
          findings: [finding('A')],
          now: 400,
          kinds: ['REOPENED'],
          check: (x) =>
            expect(x).toMatchObject({ state: 'OPEN', acknowledgedBy: null, acknowledgedReason: null }),
        },
      ],
    ],
    [
      'other types and uncovered subjects are left alone',
      [opened, { ...opened, id: 'SYNC_DELAY:A', type: 'SYNC_DELAY' }],
      [{ findings: [], now: 300, kinds: [], check: (x) => expect(x?.state).toBe('OPEN') }],
    ],
  ];

  it.each(scenarios)('%s', (name, initial, steps) => {
    let current = asMap(...initial);
    for (const step of steps) {
      const covers = name.startsWith('other') ? (s: string) => s !== 'A' : undefined;
      const changes = run(current, step.findings, step.now, covers);
      expect(changes.map((c) => c.kind)).toEqual(step.kinds);
      current = new Map([...current, ...changes.map((c) => [c.exception.id, c.exception] as const)]);
      step.check?.(current.get('SKU_MISMATCH:A'));
    }
  });

  it('counts duplicate findings of one run once and reports new ones as OPENED', () => {
    const changes = run(asMap(), [finding('B'), finding('B'), finding('C')], 10);
    expect(changes.map((c) => [c.kind, c.exception.id])).toEqual([
      ['OPENED', 'SKU_MISMATCH:B'],
      ['OPENED', 'SKU_MISMATCH:C'],
    ]);
    expect(changes.every(isMaterialChange)).toBe(true);
  });

  it.each([
    ['blank user', { by: ' ', reason: 'x' }, /user id and a reason/],
    ['blank reason', { by: 'u1', reason: '' }, /user id and a reason/],
    ['e-mail as user', { by: 'ann@example.org', reason: 'x' }, /not an e-mail/],
  ])('refuses an acknowledgement with %s', (_n, ack, message) => {
    expect(() => acknowledgeException(opened, ack)).toThrow(message);
  });

  it('refuses to acknowledge a resolved exception', () => {
    expect(() =>
      acknowledgeException({ ...opened, state: 'RESOLVED', resolvedAt: 1 }, { by: 'u1', reason: 'x' }),
    ).toThrow(ExceptionLifecycleError);
  });
});
