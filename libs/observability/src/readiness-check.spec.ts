import { runReadinessChecks, type ReadinessCheck } from './readiness-check';

describe('runReadinessChecks', () => {
  afterEach(() => jest.useRealTimers());

  it('is ready with no checks', async () => {
    expect(await runReadinessChecks([])).toEqual({ ready: true, checks: [] });
  });

  it('is ready when every check is, sync or async', async () => {
    const report = await runReadinessChecks([
      { name: 'kafka', check: async () => ({ ok: true }) },
      { name: 'consumer', check: () => ({ ok: true, detail: 'joined' }) },
    ]);
    expect(report).toEqual({
      ready: true,
      checks: [
        { name: 'kafka', ok: true },
        { name: 'consumer', ok: true, detail: 'joined' },
      ],
    });
  });

  it('reports each failing check with its reason', async () => {
    const report = await runReadinessChecks([
      { name: 'kafka', check: () => ({ ok: true }) },
      { name: 'registry', check: async () => ({ ok: false, detail: 'HTTP 503' }) },
      {
        name: 'sync-throw',
        check: () => {
          throw new Error('boom');
        },
      },
      { name: 'async-throw', check: () => Promise.reject(new Error('ECONNREFUSED')) },
    ]);
    expect(report).toEqual({
      ready: false,
      checks: [
        { name: 'kafka', ok: true },
        { name: 'registry', ok: false, detail: 'HTTP 503' },
        { name: 'sync-throw', ok: false, detail: 'check failed: boom' },
        { name: 'async-throw', ok: false, detail: 'check failed: ECONNREFUSED' },
      ],
    });
  });

  it('fails closed on a malformed result', async () => {
    const malformed = { name: 'odd', check: () => undefined } as unknown as ReadinessCheck;
    expect((await runReadinessChecks([malformed])).ready).toBe(false);
  });

  it('times out a hanging check after the default 2 s while others answer', async () => {
    jest.useFakeTimers();
    const pending = runReadinessChecks([
      { name: 'hangs', check: () => new Promise(() => undefined) },
      { name: 'kafka', check: async () => ({ ok: true }) },
    ]);
    await jest.advanceTimersByTimeAsync(1999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({
      ready: false,
      checks: [
        { name: 'hangs', ok: false, detail: 'timed out after 2000 ms' },
        { name: 'kafka', ok: true },
      ],
    });
  });

  it('lets a check set its own timeout', async () => {
    jest.useFakeTimers();
    const pending = runReadinessChecks(
      [{ name: 'slow', timeoutMs: 50, check: () => new Promise(() => undefined) }],
      10_000,
    );
    await jest.advanceTimersByTimeAsync(50);
    expect((await pending).checks[0]).toEqual({ name: 'slow', ok: false, detail: 'timed out after 50 ms' });
  });

  it('leaves no timer behind', async () => {
    jest.useFakeTimers();
    await runReadinessChecks([{ name: 'fast', check: () => ({ ok: true }) }]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
