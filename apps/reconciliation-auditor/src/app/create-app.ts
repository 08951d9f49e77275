import { TOPICS } from '@wair-sfcc/contracts';
import { createServiceShell, type Service } from '@wair-sfcc/app-runtime';
import type { KafkaRuntime, TableReader } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import { APP_NAME, type AuditorConfig } from './config';

export interface AuditorDeps {
  config: AuditorConfig;
  logger: Logger;
  kafka: KafkaRuntime;
}

/** Skeleton: rebuilds every table from the compacted topics and serves ops endpoints; audits come next. */
export function createApp(deps: AuditorDeps): Service {
  const { config, logger, kafka } = deps;
  const tables = new Map<string, TableReader<unknown>>(
    Object.values(TOPICS).map((topic) => [topic, kafka.tableReader<unknown>({ topic })]),
  );
  const shell = createServiceShell({
    app: APP_NAME,
    logger,
    kafka,
    ops: { host: config.OPS_HOST, port: config.OPS_PORT },
    lagIntervalMs: config.LAG_INTERVAL_MS,
    groups: [],
    readiness: [
      {
        name: 'tables-caught-up',
        check: () => {
          const behind = [...tables].filter(([, t]) => !t.isCaughtUp()).map(([topic]) => topic);
          return {
            ok: behind.length === 0,
            detail: behind.length ? `catching up: ${behind.join(', ')}` : undefined,
          };
        },
      },
    ],
  });
  return {
    async start() {
      await shell.start();
      await Promise.all([...tables.values()].map((t) => t.start()));
    },
    async stop() {
      await Promise.all([...tables.values()].map((t) => t.stop()));
      await shell.stop();
    },
  };
}
