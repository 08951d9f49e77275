import { FlowWindow, type FlowEvent } from './flow-window';

const MIN = 60_000;
const NOW = 1_700_000_000_000;
const ok = (at: number, delayMs: number): FlowEvent => ({ at, delayMs, outcome: 'ok' });

describe('FlowWindow', () => {
  it('reports throughput per minute, delay p50/p99, errors and last success over the window', () => {
    const w = new FlowWindow({ windowMs: 10 * MIN, maxEvents: 1_000 });
    for (let i = 1; i <= 100; i += 1) w.record(`e${i}`, ok(NOW - i * 1_000, i * 10), NOW);
    w.record('f1', { at: NOW - 5_000, delayMs: null, outcome: 'error' }, NOW);
    w.record('s1', { at: NOW - 5_000, delayMs: null, outcome: 'other' }, NOW);
    expect(w.summary(NOW)).toEqual({
      windowMs: 10 * MIN,
      throughputPerMinute: 10.2,
      delayP50Ms: 500,
      delayP99Ms: 990,
      errors: 1,
      lastSuccessAt: NOW - 1_000,
      delaySampled: false,
    });
  });

  it('ignores events before the window for the figures but keeps the last success', () => {
    const w = new FlowWindow({ windowMs: 10 * MIN, maxEvents: 1_000 });
    w.record('old', ok(NOW - 60 * MIN, 5), NOW);
    expect(w.summary(NOW)).toMatchObject({
      throughputPerMinute: 0,
      delayP50Ms: null,
      delayP99Ms: null,
      errors: 0,
      lastSuccessAt: NOW - 60 * MIN,
    });
  });

  it('lets events age out of the window as time passes', () => {
    const w = new FlowWindow({ windowMs: 10 * MIN, maxEvents: 1_000 });
    w.record('a', ok(NOW, 100), NOW);
    w.record('b', { at: NOW, delayMs: null, outcome: 'error' }, NOW);
    expect(w.summary(NOW + 5 * MIN)).toMatchObject({ throughputPerMinute: 0.2, errors: 1, delayP50Ms: 100 });
    expect(w.summary(NOW + 11 * MIN)).toMatchObject({
      throughputPerMinute: 0,
      errors: 0,
      delayP50Ms: null,
      lastSuccessAt: NOW,
    });
  });

  it('counts a replayed event once', () => {
    const w = new FlowWindow({ windowMs: 10 * MIN, maxEvents: 1_000 });
    w.record('same', ok(NOW - 1_000, 100), NOW);
    w.record('same', ok(NOW - 1_000, 100), NOW);
    expect(w.summary(NOW).throughputPerMinute).toBe(0.1);
  });

  it('keeps at most maxEvents delays (the newest) while counting every event', () => {
    const w = new FlowWindow({ windowMs: 10 * MIN, maxEvents: 10 });
    for (let i = 0; i < 100; i += 1) w.record(`e${i}`, ok(NOW - 100_000 + i * 1_000, i), NOW);
    const s = w.summary(NOW);
    expect(s.throughputPerMinute).toBe(10);
    expect(s.delaySampled).toBe(true);
    // Only the ten newest (delays 90..99) are kept.
    expect([s.delayP50Ms, s.delayP99Ms]).toEqual([94, 99]);
  });

  it('dates an event from the future at now', () => {
    const w = new FlowWindow({ windowMs: 10 * MIN, maxEvents: 10 });
    w.record('skewed', ok(NOW + 5 * MIN, 1), NOW);
    expect(w.summary(NOW + 9 * MIN).throughputPerMinute).toBe(0.1);
    expect(w.summary(NOW + 11 * MIN).throughputPerMinute).toBe(0);
  });
});
