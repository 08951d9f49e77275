import express from 'express';
import request from 'supertest';
import { adminRoutes } from './admin-routes';
import type { FullRefreshRequest, FullRefreshSummary } from './full-refresh';

const TOKEN = 'a-very-secret-admin-token';

function appWith(token: string | undefined) {
  const started: FullRefreshRequest[] = [];
  let release!: () => void;
  let running = false;
  const fullRefresh = {
    start(req: FullRefreshRequest) {
      if (running) return { started: false, done: Promise.resolve({} as FullRefreshSummary) };
      running = true;
      started.push(req);
      const done = new Promise<FullRefreshSummary>(
        (r) => (release = () => r({} as FullRefreshSummary)),
      ).finally(() => (running = false));
      return { started: true, done };
    },
    isRunning: () => running,
    lastRun: () => undefined,
  };
  const app = express();
  adminRoutes({ token, fullRefresh })(app);
  return { app, started, release: () => release() };
}

describe('admin routes', () => {
  it('refuses without a valid bearer token and never echoes it', async () => {
    const { app, started } = appWith(TOKEN);
    const none = await request(app).post('/admin/full-refresh').send({});
    expect(none.status).toBe(401);
    const wrong = await request(app).post('/admin/full-refresh').set('Authorization', 'Bearer nope').send({});
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).not.toContain(TOKEN);
    expect(started).toEqual([]);
  });

  it('answers 503 when no admin token is configured', async () => {
    const { app } = appWith(undefined);
    const res = await request(app).post('/admin/full-refresh').set('Authorization', 'Bearer x').send({});
    expect(res.status).toBe(503);
  });

  it('starts a refresh (202), refuses a second while running (409), validates the body (400)', async () => {
    const { app, started, release } = appWith(TOKEN);
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const bad = await request(app).post('/admin/full-refresh').set(auth).send({ force: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/force/);
    const ok = await request(app)
      .post('/admin/full-refresh')
      .set(auth)
      .send({ force: true, skus: ['A', 'B'] });
    expect(ok.status).toBe(202);
    expect(started).toEqual([{ force: true, skus: ['A', 'B'] }]);
    const again = await request(app).post('/admin/full-refresh').set(auth).send({});
    expect(again.status).toBe(409);
    const status = await request(app).get('/admin/full-refresh').set(auth);
    expect(status.body.running).toBe(true);
    release();
  });
});
