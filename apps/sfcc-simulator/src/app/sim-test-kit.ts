// Test helpers shared by the simulator's specs (never imported by service code).
import { createLogger } from '@wair-sfcc/observability';
import request from 'supertest';
import { loadConfig } from './config';
import { createSimHttpApp } from './sim-http-app';
import { createSimState } from './sim-state';

export const CLIENT_ID = 'test-client';
export const CLIENT_SECRET = 'test-secret';
export const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;

/** A simulator app with a controllable clock, driven through supertest. */
export function createSimKit(env: Record<string, string> = {}) {
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  const config = loadConfig({
    SIM_CLIENT_ID: CLIENT_ID,
    SIM_CLIENT_SECRET: CLIENT_SECRET,
    SIM_SKU_COUNT: '60',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const state = createSimState(config, () => clock);
  const app = createSimHttpApp(state, createLogger({ app: 'sfcc-simulator-test', level: 'silent' }));
  const kit = {
    config,
    state,
    app,
    http: () => request(app),
    advance(ms: number) {
      clock += ms;
    },
    now: () => clock,
    async token(scope?: string): Promise<string> {
      const res = await request(app)
        .post('/dwsso/oauth2/access_token')
        .set('Authorization', BASIC)
        .type('form')
        .send({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
      if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
      return `Bearer ${(res.body as { access_token: string }).access_token}`;
    },
    data: (path: string) => `/s/-/dw/data/${config.SIM_OCAPI_VERSION}${path}`,
  };
  return kit;
}

/**
 * Fakes only setTimeout/clearTimeout. The simulator's injected latency and IMPEX job steps are
 * timeouts, so tests step them with jest's timer API; supertest's HTTP round trip keeps the real
 * setImmediate/nextTick it needs to make progress.
 */
export function useFakeTimeouts(): void {
  jest.useFakeTimers({
    doNotFake: [
      'Date',
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
    ],
  });
}

/**
 * Yields to the real event loop until `count` fake timeouts are pending, e.g. until a request
 * in flight has reached the latency timer; it waits for that condition, never for wall-clock time.
 */
export async function untilTimeoutsPending(count = 1): Promise<void> {
  for (let i = 0; i < 10_000 && jest.getTimerCount() < count; i += 1)
    await new Promise<void>((resolve) => setImmediate(resolve));
  expect(jest.getTimerCount()).toBe(count);
}
