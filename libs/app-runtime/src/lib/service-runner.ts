import type { Logger } from '@wair-sfcc/observability';

/** What `createApp` returns. */
export interface Service {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface RunOptions {
  logger: Logger;
  service: Service;
  /** Exit hook, replaceable in tests. */
  exit?: (code: number) => void;
  /** Where signals and fatal errors come from; the process unless a test injects its own. */
  events?: Pick<NodeJS.EventEmitter, 'once' | 'on'>;
  /** Upper bound for a graceful stop before the process gives up. */
  stopTimeoutMs?: number;
}

/**
 * Starts a service and owns the process lifecycle: SIGTERM/SIGINT stop it gracefully (finish
 * in-flight work, commit, flush, close HTTP) and exit 0; a failed start or an unhandled error
 * exits non-zero so the orchestrator restarts the pod.
 */
export async function runService(options: RunOptions): Promise<void> {
  const { logger, service } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const events = options.events ?? process;
  let stopping = false;

  const shutdown = async (reason: string, code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping');
    const timer = setTimeout(() => {
      logger.error({ reason }, 'graceful stop timed out');
      exit(code === 0 ? 1 : code);
    }, options.stopTimeoutMs ?? 30_000);
    timer.unref();
    try {
      await service.stop();
      logger.info('stopped');
      exit(code);
    } catch (error) {
      logger.error({ err: error }, 'stop failed');
      exit(1);
    } finally {
      clearTimeout(timer);
    }
  };

  events.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  events.once('SIGINT', () => void shutdown('SIGINT', 0));
  events.on('unhandledRejection', (error: unknown) => {
    logger.fatal({ err: error }, 'unhandled rejection');
    void shutdown('unhandledRejection', 1);
  });
  events.on('uncaughtException', (error: Error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void shutdown('uncaughtException', 1);
  });

  try {
    await service.start();
    logger.info('started');
  } catch (error) {
    logger.fatal({ err: error }, 'start failed');
    await shutdown('start failed', 1);
  }
}
