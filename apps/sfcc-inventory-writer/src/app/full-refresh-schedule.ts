import { Cron, type CronOptions } from 'croner';
import type { Logger } from '@wair-sfcc/observability';

// Standard five-field cron read in UTC (a fixed offset of 0), so the schedule does not move with the
// host's time zone or daylight saving time.
const CRON_OPTIONS: CronOptions = { utcOffset: 0, mode: '5-part' };

/** True when the setting turns the schedule off: an empty string or `off` (any case). */
export function isFullRefreshScheduleOff(cron: string): boolean {
  const text = cron.trim().toLowerCase();
  return text === '' || text === 'off';
}

/** Checks a `FULL_REFRESH_CRON` setting; throws the cron library's reason when it is not valid. */
export function parseFullRefreshCron(cron: string): void {
  // A Cron without a function only parses the pattern: no timer is set.
  if (!isFullRefreshScheduleOff(cron)) new Cron(cron.trim(), CRON_OPTIONS);
}

export interface FullRefreshScheduleDeps {
  /** Five-field cron expression in UTC, e.g. `0 3 * * *`; '' or `off` disables the schedule. */
  cron: string;
  /**
   * Starts a full refresh. `started: false` means one is already running: the refresh refuses to
   * overlap itself (as the admin endpoint's 409 does), so the schedule skips that tick.
   */
  start: () => { started: boolean };
  logger: Logger;
}

export interface FullRefreshSchedule {
  /** When the next scheduled refresh starts; null when the schedule is off or stopped. */
  nextRun(): Date | null;
  stop(): void;
}

/** Starts full refreshes at the times of a cron expression (UTC) until stopped. */
export function createFullRefreshSchedule(deps: FullRefreshScheduleDeps): FullRefreshSchedule {
  const { cron, logger } = deps;
  if (isFullRefreshScheduleOff(cron)) {
    logger.info({ cron }, 'full refresh schedule off: full refreshes run on demand only');
    return { nextRun: () => null, stop: () => undefined };
  }
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  const job = new Cron(
    cron.trim(),
    {
      ...CRON_OPTIONS,
      // The service's own servers keep the process alive; the schedule must not hold it open.
      unref: true,
      catch: (error) => logger.error({ err: error }, 'scheduled full refresh could not be started'),
    },
    (self) => {
      const { started } = deps.start();
      const nextRunAt = iso(self.nextRun());
      if (started) logger.info({ cron, nextRunAt }, 'scheduled full refresh started');
      else
        logger.warn({ cron, nextRunAt }, 'scheduled full refresh skipped: a full refresh is still running');
    },
  );
  logger.info({ cron, timezone: 'UTC', nextRunAt: iso(job.nextRun()) }, 'full refresh scheduled');
  return {
    nextRun: () => (job.isStopped() ? null : job.nextRun()),
    stop: () => job.stop(),
  };
}
