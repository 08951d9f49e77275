import {
  initialAlertState,
  OVERFLOW_ALERT_KEY,
  stepAlerts,
  type AlertEvent,
  type AlertPolicy,
  type AlertState,
} from './alert-dedup';

const policy: AlertPolicy = {
  groupWaitMs: 1_000,
  repeatIntervalMs: 60_000,
  maxMessagesPerWindow: 3,
  rateWindowMs: 60_000,
};
const ev = (
  key: string,
  at: number,
  subject = `S${at}`,
  severity: AlertEvent['severity'] = 'HIGH',
): AlertEvent => ({
  key,
  title: key,
  severity,
  owner: 'OPS',
  text: `${key} happened`,
  subject,
  at,
});

function run(ticks: Array<[now: number, events: AlertEvent[]]>, p = policy) {
  let state: AlertState = initialAlertState();
  const sent: Array<[number, string, number]> = [];
  for (const [now, events] of ticks) {
    const out = stepAlerts(state, events, now, p);
    state = out.state;
    for (const m of out.messages) sent.push([now, m.key, m.count]);
  }
  return { sent, state };
}

describe('stepAlerts', () => {
  it('turns a storm of 1,000 identical exceptions into one message with a count', () => {
    const storm = Array.from({ length: 1_000 }, (_, i) => ev('SYNC_DELAY:HIGH', i % 500, `SKU-${i}`));
    const { sent } = run([
      [0, storm.slice(0, 500)],
      [500, storm.slice(500)],
      [1_000, []],
      [2_000, []],
    ]);
    expect(sent).toEqual([[1_000, 'SYNC_DELAY:HIGH', 1_000]]);
  });

  it.each([
    [
      'waits for the group, then sends',
      [
        [0, [ev('A', 0)]],
        [999, []],
        [1_000, []],
      ],
      [[1_000, 'A', 1]],
    ],
    [
      'repeats after the interval with the count of what came meanwhile',
      [
        [0, [ev('A', 0)]],
        [1_000, []],
        [2_000, [ev('A', 2_000), ev('A', 2_001)]],
        [60_999, []],
        [61_000, []],
      ],
      [
        [1_000, 'A', 1],
        [61_000, 'A', 2],
      ],
    ],
    [
      'forgets a quiet group and then treats it as new',
      [
        [0, [ev('A', 0)]],
        [1_000, []],
        [70_000, [ev('A', 70_000)]],
        [71_000, []],
      ],
      [
        [1_000, 'A', 1],
        [71_000, 'A', 1],
      ],
    ],
    [
      'rate limit folds the excess into one overflow message, most severe first',
      [
        [0, [ev('A', 0, 'a', 'LOW'), ev('B', 0), ev('C', 0), ev('D', 0, 'd', 'CRITICAL'), ev('E', 0)]],
        [1_000, []],
      ],
      [
        [1_000, 'D', 1],
        [1_000, 'B', 1],
        [1_000, OVERFLOW_ALERT_KEY, 3],
      ],
    ],
  ] as Array<[string, Array<[number, AlertEvent[]]>, Array<[number, string, number]>]>)(
    '%s',
    (_n, ticks, expected) => {
      expect(run(ticks).sent).toEqual(expected);
    },
  );

  it('holds what is due while the budget is used up and sends it when the window frees', () => {
    const p = { ...policy, maxMessagesPerWindow: 1 };
    const { sent } = run(
      [
        [0, [ev('A', 0)]],
        [1_000, []],
        [1_500, [ev('B', 1_500)]],
        [2_500, []],
        [60_999, []],
        [61_000, []],
      ],
      p,
    );
    expect(sent).toEqual([
      [1_000, 'A', 1],
      [61_000, 'B', 1],
    ]);
  });

  it('with a budget of one, folds everything due into the overflow message', () => {
    const p = { ...policy, maxMessagesPerWindow: 1 };
    expect(
      run(
        [
          [0, [ev('A', 0), ev('B', 0)]],
          [1_000, []],
        ],
        p,
      ).sent,
    ).toEqual([[1_000, OVERFLOW_ALERT_KEY, 2]]);
  });

  it('keeps a sample of subjects and the worst severity', () => {
    const out = stepAlerts(
      initialAlertState(),
      [ev('A', 0, 'x', 'MEDIUM'), ev('A', 1, 'y', 'CRITICAL'), ev('A', 2, 'x')],
      5_000,
      policy,
    );
    expect(out.messages[0]).toMatchObject({
      count: 3,
      subjects: ['x', 'y'],
      severity: 'CRITICAL',
      firstAt: 0,
      lastAt: 2,
    });
  });
});
