import type { StockLevel } from '@wair-sfcc/contracts';
import { createLogger } from '@wair-sfcc/observability';
import { createLogCapture } from '@wair-sfcc/observability/testing';
import type { InventoryImporter } from '@wair-sfcc/sfcc-client';
import { createFullRefresh, type FullRefreshDeps } from './full-refresh';
import {
  createFullRefreshSchedule,
  isFullRefreshScheduleOff,
  parseFullRefreshCron,
} from './full-refresh-schedule';

const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function capturedLogger() {
  const capture = createLogCapture();
  return { capture, logger: createLogger({ app: 'test', level: 'info', destination: capture.destination }) };
}

/**
 * Moves the fake clock, as a host that sleeps through the hours between runs would see it. The cron
 * library re-checks the clock at least every 30 s, so advancing timers across a whole day would run
 * thousands of checks; jumping to shortly before a run and then advancing proves the same firing.
 */
const jumpTo = (iso: string): void => jest.setSystemTime(at(iso));

/** A start function that records the (fake) time of every call and always starts. */
function recordingStart() {
  const calls: string[] = [];
  return {
    calls,
    start: () => {
      calls.push(new Date(Date.now()).toISOString());
      return { started: true };
    },
  };
}

describe('full refresh schedule (fake timers)', () => {
  afterEach(() => jest.useRealTimers());

  it('fires at the cron times in UTC and logs the next run at start and after each tick', async () => {
    jest.useFakeTimers({ now: at('2026-03-01T02:58:30.000Z') });
    const { capture, logger } = capturedLogger();
    const { calls, start } = recordingStart();
    const schedule = createFullRefreshSchedule({ cron: '0 3 * * *', start, logger });
    try {
      expect(capture.entries()).toEqual([
        expect.objectContaining({
          msg: 'full refresh scheduled',
          cron: '0 3 * * *',
          timezone: 'UTC',
          nextRunAt: '2026-03-01T03:00:00.000Z',
        }),
      ]);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(calls).toEqual([]);
      await jest.advanceTimersByTimeAsync(30_000);
      expect(calls).toEqual(['2026-03-01T03:00:00.000Z']);
      jumpTo('2026-03-02T02:59:00.000Z');
      await jest.advanceTimersByTimeAsync(59_000);
      expect(calls).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(calls).toEqual(['2026-03-01T03:00:00.000Z', '2026-03-02T03:00:00.000Z']);
      await jest.advanceTimersByTimeAsync(30_000);
      expect(calls).toHaveLength(2);
      expect(capture.entries().filter((e) => e['msg'] === 'scheduled full refresh started')).toEqual([
        expect.objectContaining({ nextRunAt: '2026-03-02T03:00:00.000Z' }),
        expect.objectContaining({ nextRunAt: '2026-03-03T03:00:00.000Z' }),
      ]);
      expect(schedule.nextRun()?.toISOString()).toBe('2026-03-03T03:00:00.000Z');
    } finally {
      schedule.stop();
    }
  });

  it('reads the expression in UTC whatever the host time zone, also across daylight saving time', async () => {
    const tz = process.env['TZ'];
    // Node re-reads TZ when it is assigned; New York moves to daylight saving time on 2026-03-08.
    process.env['TZ'] = 'America/New_York';
    jest.useFakeTimers({ now: at('2026-03-06T12:00:00.000Z') });
    const { logger } = capturedLogger();
    const { calls, start } = recordingStart();
    const schedule = createFullRefreshSchedule({ cron: '30 2 * * 1-5', start, logger });
    try {
      // Friday noon: the next weekday run is Monday (Saturday 7th and Sunday 8th are skipped).
      expect(schedule.nextRun()?.toISOString()).toBe('2026-03-09T02:30:00.000Z');
      jumpTo('2026-03-09T02:29:00.000Z');
      await jest.advanceTimersByTimeAsync(90_000);
      expect(calls).toEqual(['2026-03-09T02:30:00.000Z']);
      // Still 02:30 UTC now that New York is on daylight saving time, then 02:30 UTC each weekday.
      expect(schedule.nextRun()?.toISOString()).toBe('2026-03-10T02:30:00.000Z');
      jumpTo('2026-03-13T03:00:00.000Z');
      expect(schedule.nextRun()?.toISOString()).toBe('2026-03-16T02:30:00.000Z');
    } finally {
      schedule.stop();
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });

  it('does not start a second refresh while one is running: the tick is skipped and logged', async () => {
    jest.useFakeTimers({ now: at('2026-03-01T00:00:00.000Z') });
    const { capture, logger } = capturedLogger();
    // The real full refresh, whose table read is held open so the first run stays running.
    let release: (figures: StockLevel[]) => void = () => undefined;
    const readStock = jest.fn(
      () =>
        new Promise<Iterable<StockLevel>>((resolve) => {
          release = resolve;
        }),
    );
    const importer: InventoryImporter = { importList: jest.fn() };
    // With an empty table the refresh never reaches the pipeline, planner or metrics.
    const unused = {} as never;
    const deps: FullRefreshDeps = {
      readStock,
      importer,
      pipeline: unused,
      plan: unused,
      catalog: { get: () => undefined },
      metrics: unused,
      logger,
      now: Date.now,
    };
    const fullRefresh = createFullRefresh(deps);
    const schedule = createFullRefreshSchedule({
      cron: '*/10 * * * *',
      start: () => fullRefresh.start({}),
      logger,
    });
    try {
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect(readStock).toHaveBeenCalledTimes(1);
      expect(fullRefresh.isRunning()).toBe(true);

      // Two more ticks while the first run still reads the table: neither starts another run.
      await jest.advanceTimersByTimeAsync(20 * 60_000);
      expect(readStock).toHaveBeenCalledTimes(1);
      expect(fullRefresh.lastRun()?.startedAt).toBe(at('2026-03-01T00:10:00.000Z'));
      const skipped = capture
        .entries()
        .filter((e) => e['msg']?.toString().startsWith('scheduled full refresh skipped'));
      expect(skipped).toEqual([
        expect.objectContaining({ level: 'warn', nextRunAt: '2026-03-01T00:30:00.000Z' }),
        expect.objectContaining({ level: 'warn', nextRunAt: '2026-03-01T00:40:00.000Z' }),
      ]);

      release([]);
      await jest.advanceTimersByTimeAsync(0);
      expect(fullRefresh.isRunning()).toBe(false);
      expect(fullRefresh.lastRun()).toMatchObject({
        error: null,
        finishedAt: at('2026-03-01T00:30:00.000Z'),
      });

      // The next tick after the run ended starts a new one.
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect(readStock).toHaveBeenCalledTimes(2);
      expect(fullRefresh.lastRun()?.startedAt).toBe(at('2026-03-01T00:40:00.000Z'));
      expect(importer.importList).not.toHaveBeenCalled();
    } finally {
      schedule.stop();
      release([]);
    }
  });

  it.each(['off', 'OFF', ' off ', '', '   '])('is off for %j: never starts, sets no timer', async (cron) => {
    jest.useFakeTimers({ now: at('2026-03-01T02:59:00.000Z') });
    const { capture, logger } = capturedLogger();
    const { calls, start } = recordingStart();
    const schedule = createFullRefreshSchedule({ cron, start, logger });
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(7 * DAY);
    expect(calls).toEqual([]);
    expect(schedule.nextRun()).toBeNull();
    expect(capture.entries()).toEqual([
      expect.objectContaining({ msg: 'full refresh schedule off: full refreshes run on demand only' }),
    ]);
    schedule.stop();
  });

  it('stops: no tick after stop(), no timer left behind', async () => {
    jest.useFakeTimers({ now: at('2026-03-01T02:59:00.000Z') });
    const { logger } = capturedLogger();
    const { calls, start } = recordingStart();
    const schedule = createFullRefreshSchedule({ cron: '0 3 * * *', start, logger });
    expect(jest.getTimerCount()).toBe(1);
    schedule.stop();
    expect(jest.getTimerCount()).toBe(0);
    expect(schedule.nextRun()).toBeNull();
    await jest.advanceTimersByTimeAsync(2 * DAY);
    expect(calls).toEqual([]);
  });

  it('logs, and keeps the schedule, when starting a refresh throws', async () => {
    jest.useFakeTimers({ now: at('2026-03-01T02:59:00.000Z') });
    const { capture, logger } = capturedLogger();
    let calls = 0;
    const schedule = createFullRefreshSchedule({
      cron: '0 3 * * *',
      start: () => {
        calls += 1;
        throw new Error('boom');
      },
      logger,
    });
    try {
      await jest.advanceTimersByTimeAsync(60_000);
      expect(calls).toBe(1);
      jumpTo('2026-03-02T02:59:00.000Z');
      await jest.advanceTimersByTimeAsync(90_000);
      expect(calls).toBe(2);
      expect(
        capture.entries().filter((e) => e['msg'] === 'scheduled full refresh could not be started'),
      ).toHaveLength(2);
    } finally {
      schedule.stop();
    }
  });
});

describe('FULL_REFRESH_CRON parsing', () => {
  it.each(['0 3 * * *', '*/15 * * * *', '30 2 * * 1-5', '0 3 * * SUN', '@daily', 'off', ''])(
    'accepts %j',
    (cron) => {
      expect(() => parseFullRefreshCron(cron)).not.toThrow();
    },
  );

  it.each([
    ['0 3 * * * *', /5 parts/],
    ['61 3 * * *', /minute/],
    ['every day', /parts/],
    ['0 25 * * *', /hour/],
  ])('rejects %j with the reason', (cron, reason) => {
    expect(() => parseFullRefreshCron(cron)).toThrow(reason);
  });

  it('treats only empty and "off" as off', () => {
    expect(isFullRefreshScheduleOff('Off')).toBe(true);
    expect(isFullRefreshScheduleOff('0 3 * * *')).toBe(false);
    expect(isFullRefreshScheduleOff('never')).toBe(false);
  });
});
