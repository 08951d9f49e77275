import { DEFAULT_PORTS, SYSTEM_APPS, systemProcesses, type SystemPorts } from './system-processes';

describe('what npm start runs', () => {
  it('runs every app once, on the usual ports by default', () => {
    const processes = systemProcesses();
    expect(processes.map((p) => p.app).sort()).toEqual([...SYSTEM_APPS].sort());
    for (const p of processes) expect(p.opsPort).toBe(DEFAULT_PORTS[p.app]);
  });

  it('wires every process to the others on the ports chosen, none left on a usual one', () => {
    const moved = Object.fromEntries(SYSTEM_APPS.map((app, i) => [app, 20_001 + i])) as SystemPorts;
    const processes = systemProcesses(moved);
    const urls = processes.flatMap((p) => Object.values(p.env ?? {}).filter((v) => v.startsWith('http://')));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(Object.values(moved)).toContain(Number(new URL(url).port));
    const byApp = new Map(processes.map((p) => [p.app, p.env ?? {}]));
    expect(byApp.get('wair-simulator')?.['WEBHOOK_URL']).toBe(
      `http://127.0.0.1:${moved['wair-ingest']}/webhooks/wair`,
    );
    expect(byApp.get('wair-ingest')?.['WAIR_BASE_URL']).toBe(`http://127.0.0.1:${moved['wair-simulator']}`);
    expect(byApp.get('sfcc-inventory-writer')?.['SFCC_HOST']).toBe(
      `http://127.0.0.1:${moved['sfcc-simulator']}`,
    );
    expect(byApp.get('order-dispatch-bridge')).toMatchObject({
      SFCC_SCAPI_HOST: `http://127.0.0.1:${moved['sfcc-simulator']}`,
      WAIR_BASE_URL: `http://127.0.0.1:${moved['wair-simulator']}`,
    });
  });

  it('numbers the WAIR simulator above earlier runs, whose figures the topics keep', () => {
    const startedAt = Date.UTC(2026, 10, 27, 9);
    const wair = systemProcesses(DEFAULT_PORTS, startedAt).find((p) => p.app === 'wair-simulator');
    expect(wair?.env?.['SEQUENCE_BASE']).toBe(String(startedAt / 1000));
    expect(Number(wair?.env?.['SEQUENCE_BASE'])).toBeLessThan(2 ** 31);
  });
});
