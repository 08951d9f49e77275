import { createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import { createManualClock } from '../testing/manual-clock';
import type { AuditDefinition } from './audit-definition';
import type { AuditRunResult } from './audit-runner';
import { createAuditScheduler, UnknownAuditError } from './audit-scheduler';

const logger = createLogger({ app: 'test', level: 'silent' });

function setup(intervals: Partial<Record<'SYNC_DELAY' | 'SKU_MISMATCH', number>>) {
  const clock = createManualClock(0);
  const calls: Array<[string, number]> = [];
  let fail = false;
  const audits: AuditDefinition[] = Object.entries(intervals).map(([type, intervalMs]) => ({
    type: type as AuditDefinition['type'],
    intervalMs: intervalMs ?? 0,
    find: async () => ({ findings: [] }),
  }));
  const registry = createMetricsRegistry({ app: 'test' });
  const scheduler = createAuditScheduler({
    audits,
    clock,
    logger,
    registry,
    run: async (audit) => {
      calls.push([audit.type, clock.now()]);
      if (fail) throw new Error('tables gone');
      return { type: audit.type, startedAt: clock.now(), durationMs: 0, findings: 0 } as AuditRunResult;
    },
  });
  return { clock, calls, scheduler, registry, failNext: (v: boolean) => (fail = v) };
}

describe('audit scheduler', () => {
  it('runs each audit at start and then on its own interval', async () => {
    const { clock, calls, scheduler } = setup({ SYNC_DELAY: 60_000, SKU_MISMATCH: 900_000 });
    scheduler.start();
    await clock.advance(0);
    await clock.advance(180_000);
    expect(calls).toEqual([
      ['SYNC_DELAY', 0],
      ['SKU_MISMATCH', 0],
      ['SYNC_DELAY', 60_000],
      ['SYNC_DELAY', 120_000],
      ['SYNC_DELAY', 180_000],
    ]);
    await clock.advance(720_000);
    expect(calls.filter(([t]) => t === 'SKU_MISMATCH').map(([, at]) => at)).toEqual([0, 900_000]);
    await scheduler.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('leaves an audit with interval 0 to on-demand runs', async () => {
    const { clock, calls, scheduler } = setup({ SYNC_DELAY: 0 });
    scheduler.start();
    await clock.advance(3_600_000);
    expect(calls).toEqual([]);
    await scheduler.runNow('SYNC_DELAY');
    expect(calls).toEqual([['SYNC_DELAY', 3_600_000]]);
    await expect(scheduler.runNow('NOPE')).rejects.toBeInstanceOf(UnknownAuditError);
  });

  it('keeps the schedule after a failed run and reports it', async () => {
    const { clock, calls, scheduler, failNext, registry } = setup({ SYNC_DELAY: 1_000 });
    failNext(true);
    scheduler.start();
    await clock.advance(0);
    expect(scheduler.status()[0]?.lastError?.message).toBe('tables gone');
    failNext(false);
    await clock.advance(1_000);
    expect(calls).toHaveLength(2);
    expect(scheduler.status()[0]).toMatchObject({
      running: false,
      nextRunAt: 2_000,
      lastRun: { type: 'SYNC_DELAY' },
    });
    const page = await registry.metrics();
    expect(page).toMatch(/auditor_audit_runs_total\{[^}]*outcome="error"[^}]*\} 1/);
    expect(page).toMatch(/auditor_audit_runs_total\{[^}]*outcome="ok"[^}]*\} 1/);
    await scheduler.stop();
  });

  it('never overlaps two runs of one audit', async () => {
    const clock = createManualClock(0);
    let active = 0;
    let maxActive = 0;
    let release!: () => void;
    const scheduler = createAuditScheduler({
      audits: [{ type: 'SYNC_DELAY', intervalMs: 0, find: async () => ({ findings: [] }) }],
      clock,
      logger,
      run: async (audit) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise<void>((r) => (release = r));
        active -= 1;
        return { type: audit.type } as AuditRunResult;
      },
    });
    const a = scheduler.runNow('SYNC_DELAY');
    const b = scheduler.runNow('SYNC_DELAY');
    await clock.advance(0);
    release();
    await clock.advance(0);
    release();
    await Promise.all([a, b]);
    expect(maxActive).toBe(1);
  });
});
