import type { Logger } from '@wair-sfcc/observability';

/** Runs `task` now and then every `intervalMs` after it finished, until stopped; failures are logged. */
export function createPollLoop(
  name: string,
  intervalMs: number,
  task: () => Promise<unknown>,
  logger: Logger,
) {
  let stopped = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let done: Promise<void> = Promise.resolve();
  return {
    start(): void {
      done = (async () => {
        while (!stopped) {
          try {
            await task();
          } catch (error) {
            logger.warn({ err: error, loop: name }, 'poll round failed; retrying next round');
          }
          if (stopped) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, intervalMs);
          });
        }
      })();
    },
    /** Stops after the running round, so a started page is finished and acknowledged. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await done;
    },
  };
}
