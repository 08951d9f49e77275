import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import request from 'supertest';
import { createServiceShell } from '@wair-sfcc/app-runtime';
import { createKafkaRuntime, loadKafkaSettings } from '@wair-sfcc/kafka';
import { createLogger } from '@wair-sfcc/observability';
import { loadStackConfig } from './stack-config';
import { findJavaRuntimes, pickJava } from './java-discovery';
import { formatStorage, kafkaCommand, kafkaPaths, kafkaProcess } from './kafka-server';
import { startDetached, stopProcess, waitUntil, runningPid } from './process-control';

// A private broker (own ports and data) so stopping it cannot disturb the other tests.
describe('readiness follows the broker', () => {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-broker-'));
  const config = {
    ...loadStackConfig(),
    runDir,
    kafkaPort: 19192,
    controllerPort: 19193,
    kafkaHeap: '384m',
  };
  const proc = kafkaProcess(config);
  const logger = createLogger({ app: 'readiness-test', level: 'silent' });
  const kafka = createKafkaRuntime(
    loadKafkaSettings(
      {
        KAFKA_BROKERS: `127.0.0.1:${config.kafkaPort}`,
        SCHEMA_REGISTRY_URL: process.env['SCHEMA_REGISTRY_URL'],
      },
      'readiness-test',
    ),
    logger,
  );
  const shell = createServiceShell({
    app: 'readiness-test',
    logger,
    kafka,
    ops: { host: '127.0.0.1', port: 0 },
    lagIntervalMs: 60_000,
    groups: [],
    readiness: [],
  });

  afterAll(async () => {
    await stopProcess(proc, 10_000);
    await kafka.admin.disconnect().catch(() => undefined);
    fs.rmSync(runDir, { recursive: true, force: true });
  });

  it('is ready with the broker up and reports kafka not ready once it is stopped', async () => {
    const java = pickJava(findJavaRuntimes(), 17);
    if (!java) throw new Error('no Java 17+ for the private broker');
    formatStorage(config, java.bin);
    startDetached(proc, java.bin, kafkaCommand(config), kafkaPaths(config).dir);
    await waitUntil(
      'private broker',
      () => kafka.admin.probe(1000),
      60_000,
      () => runningPid(proc) === undefined,
    );

    const app = shell.ops.app;
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);

    expect(await stopProcess(proc, 30_000)).toBe('stopped');
    const down = await request(app).get('/readyz');
    expect(down.status).toBe(503);
    const kafkaCheck = (down.body.checks as Array<{ name: string; ok: boolean }>).find(
      (c) => c.name === 'kafka',
    );
    expect(kafkaCheck?.ok).toBe(false);
    expect(
      (down.body.checks as Array<{ name: string; ok: boolean }>).find((c) => c.name === 'schema-registry')
        ?.ok,
    ).toBe(true);
  });
});
