import { Agent, get } from 'node:http';
import { createLogger } from './logger';
import { createMetricsRegistry } from './metrics-registry';
import { OpsServerError } from './observability-errors';
import { createOpsServer } from './ops-server';
import { createLogCapture } from './testing/log-capture';

function setup() {
  const capture = createLogCapture();
  const logger = createLogger({ app: 'test-app', destination: capture.destination });
  const registry = createMetricsRegistry({ app: 'test-app', collectDefaults: false });
  return createOpsServer({ logger, metrics: registry, port: 0, host: '127.0.0.1' });
}

function fetchStatus(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });
}

// These tests bind loopback only: they check listening and shutting down, not the routes.
describe('createOpsServer', () => {
  it('listens on a free port and stops despite a keep-alive connection', async () => {
    const server = setup();
    const { port, url } = await server.start();
    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${port}`);

    const agent = new Agent({ keepAlive: true });
    try {
      expect(await fetchStatus(`${url}/livez`, agent)).toBe(200);
      await server.stop();
      await expect(fetchStatus(`${url}/livez`, new Agent())).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      agent.destroy();
    }
  });

  it('refuses a second start and tolerates repeated stops', async () => {
    const server = setup();
    await server.start();
    try {
      await expect(server.start()).rejects.toThrow(OpsServerError);
    } finally {
      await Promise.all([server.stop(), server.stop()]);
      await server.stop();
    }
  });

  it('reports a taken port as a retriable OpsServerError', async () => {
    const first = setup();
    const { port } = await first.start();
    const capture = createLogCapture();
    const second = createOpsServer({
      logger: createLogger({ app: 'test-app', destination: capture.destination }),
      metrics: createMetricsRegistry({ app: 'test-app', collectDefaults: false }),
      port,
      host: '127.0.0.1',
    });
    try {
      await expect(second.start()).rejects.toMatchObject({
        name: 'OpsServerError',
        retriable: true,
        context: { port, host: '127.0.0.1', code: 'EADDRINUSE' },
      });
    } finally {
      await first.stop();
    }
  });

  it('is a no-op to stop a server that never started', async () => {
    await expect(setup().stop()).resolves.toBeUndefined();
  });
});
