import { chromium, type Browser, type Page } from 'playwright-core';
import type { AuditorHarness } from '../testing/auditor-harness';
import {
  buildException,
  createDashboardTestApp,
  listen,
  seedDashboardHarness,
} from './testing/dashboard-fixture';
import { findChromium } from './testing/find-chromium';

// The dashboard in a real browser (Debian's chromium driven by playwright-core) over E's JSON API and
// the in-memory harness: no Kafka needed, but it runs in the integration phase with the other
// end-to-end tests.
const TOKEN = 'browser-test-token-0123456789';
const BASIC_USER = 'ops-viewer';
const BASIC_PASSWORD = 'browser-test-password';
const POLL_MS = 300;
const WAIT = { timeout: 15_000 };

describe('dashboard in a real browser', () => {
  let browser: Browser;
  let h: AuditorHarness;
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    h = seedDashboardHarness();
    server = await listen(createDashboardTestApp(h, { token: TOKEN, allowAnonymous: false }, POLL_MS));
    browser = await chromium.launch({
      executablePath: findChromium(),
      // Root in CI containers has no user namespace for Chromium's sandbox.
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits until the page has refreshed from the API `n` more times. */
  async function pollsCompleted(page: Page, n: number) {
    for (let i = 0; i < n; i += 1) {
      const before = await page.locator('body').getAttribute('data-refreshed');
      const changed = before === null ? 'body[data-refreshed]' : `body:not([data-refreshed="${before}"])`;
      await page.locator(changed).waitFor({ state: 'attached', ...WAIT });
    }
  }

  const row = (page: Page, id: string) => page.locator(`#exception-groups tr[data-id="${id}"]`);

  it('refuses unauthenticated requests to the API and to dashboard data', async () => {
    for (const path of ['/api/exceptions', '/api/flows', '/api/sku/SKU-1', '/api/lag']) {
      const res = await fetch(`${server.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/dashboard/`);
      await page.locator('#login-form').waitFor(WAIT);
      expect(await page.locator('#app').isHidden()).toBe(true);
      await page.fill('#login-token', 'not-the-token');
      await page.click('#login-form button[type=submit]');
      await page.locator('#login-error', { hasText: 'Token refused' }).waitFor(WAIT);
      expect(await page.locator('#app').isHidden()).toBe(true);
      expect(await page.evaluate('sessionStorage.length')).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('logs in, shows flow health and lag, filters by owner, acknowledges, updates live, looks up a SKU and an order', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${server.url}/dashboard`);
      expect(page.url()).toBe(`${server.url}/dashboard/`);
      await page.fill('#login-token', TOKEN);
      await page.click('#login-form button[type=submit]');

      // Flow health: four flows; the HIGH drift makes stock → storefront failing.
      await page.locator('#flow-cards article[data-flow="stockToStorefront"].status-failing').waitFor(WAIT);
      expect(await page.locator('#flow-cards article').count()).toBe(4);
      expect(
        await page.locator('#flow-cards article[data-flow="ordersToWair"]').getAttribute('class'),
      ).toContain('status-degraded');
      expect(await page.locator('#owner-counts').textContent()).toBe(
        'Open: OPS 2, CX 1, MERCH 2, PLATFORM 1',
      );
      expect(await page.evaluate("sessionStorage.getItem('wair-auditor.api-token')")).toBe(TOKEN);
      // Window figures of each flow: one write in the window, 90 s after its WAIR figure.
      const stockCard = page.locator('#flow-cards article[data-flow="stockToStorefront"]');
      expect(await stockCard.locator('dt').allTextContents()).toEqual(
        expect.arrayContaining(['Throughput / min', 'Delay p50', 'Delay p99', 'Errors', 'Last success']),
      );
      expect(await stockCard.locator('dt:text-is("Delay p50") + dd').textContent()).toBe('30 s');
      expect(await stockCard.locator('dt:text-is("Errors") + dd').textContent()).toBe('0');

      // Consumer lag per group.
      await page.locator('#lag-table tr[data-group="sfcc-inventory-writer"]').waitFor(WAIT);
      expect(
        await page.locator('#lag-table tr[data-group="sfcc-inventory-writer"] td.num').textContent(),
      ).toBe('17');

      // Exceptions grouped by owner, then filtered to MERCH.
      await page.locator('section.owner-group[data-owner="PLATFORM"]').waitFor(WAIT);
      expect(
        await page
          .locator('section.owner-group')
          .evaluateAll((s) => s.map((e) => e.getAttribute('data-owner'))),
      ).toEqual(['OPS', 'CX', 'MERCH', 'PLATFORM']);
      await page.selectOption('#filter-owner', 'MERCH');
      await page.locator('section.owner-group[data-owner="OPS"]').waitFor({ state: 'detached', ...WAIT });
      expect(await page.locator('section.owner-group').count()).toBe(1);
      expect(await page.locator('#exception-groups tr[data-id]').count()).toBe(2);
      await pollsCompleted(page, 2); // polling must keep the filter
      expect(await page.locator('section.owner-group').count()).toBe(1);

      // Acknowledge one: who and why go to the API and into the exception book.
      const id = 'SKU_MISMATCH:SKU-GHOST';
      await row(page, id).locator('button.ack').click();
      await page.fill('#ack-by', 'merch-7');
      await page.fill('#ack-reason', 'variant being created in Business Manager');
      await page.click('#ack-submit');
      await row(page, id).and(page.locator('[data-state="ACKNOWLEDGED"]')).waitFor(WAIT);
      expect(await row(page, id).locator('td.state').textContent()).toBe(
        'ACKNOWLEDGED by merch-7: variant being created in Business Manager',
      );
      expect(await row(page, id).locator('button.ack').count()).toBe(0);
      expect(h.book.get(id)).toMatchObject({
        state: 'ACKNOWLEDGED',
        acknowledgedBy: 'merch-7',
        acknowledgedReason: 'variant being created in Business Manager',
      });

      // Live: a new exception appears without reloading.
      await page.selectOption('#filter-owner', '');
      h.put(
        'exceptions',
        'SYNC_DELAY:SKU-LIVE',
        buildException('SYNC_DELAY', 'PLATFORM', 'HIGH', 'SKU-LIVE', Date.now()),
      );
      await row(page, 'SYNC_DELAY:SKU-LIVE').waitFor(WAIT);
      await page.locator('#owner-counts', { hasText: 'PLATFORM 2' }).waitFor(WAIT);

      // SKU look-up: WAIR per location, expected allocation, last write, in-flight order, history.
      await page.fill('#sku-input', 'SKU-1');
      await page.click('#sku-form button[type=submit]');
      await page.locator('#sku-locations tr[data-location="WEB01"]').waitFor(WAIT);
      expect(await page.locator('#sku-locations tr[data-location="WEB01"] td').allTextContents()).toEqual([
        'WEB01',
        '10',
        '1',
        '9',
      ]);
      const list = page.locator('#sku-lists tr[data-list="inventory_m"]');
      expect(await list.locator('td.expected').textContent()).toBe(
        '7 = 9 available - 2 in flight - 0 buffer',
      );
      expect(await list.locator('td.last-write').textContent()).toMatch(/^7 OK at /);
      expect(await list.locator('td.sfcc-record').textContent()).toBe('read-back not configured');
      expect(await page.locator('#sku-orders').textContent()).toContain('O-LATE');
      expect(await page.locator('#sku-result tr[data-id="INVENTORY_DRIFT:SKU-1"]').count()).toBe(1);
      // Change history, newest first: the SFCC write, then the WAIR figure it came from.
      expect(
        await page
          .locator('#sku-history tr[data-kind]')
          .evaluateAll((r) => r.map((e) => e.getAttribute('data-kind'))),
      ).toEqual(['SFCC_WRITE', 'WAIR_FIGURE']);
      expect(await page.locator('#sku-history tr[data-kind="SFCC_WRITE"] td.detail').textContent()).toMatch(
        /^inventory_m: allocation 7 OK via OCAPI, WAIR figure of /,
      );

      // Order look-up through the in-flight order's link, then a shipped order's full timeline.
      await page.locator('#sku-orders button', { hasText: 'O-LATE' }).click();
      await page.locator('#order-result [data-order="O-LATE"]').waitFor(WAIT);
      expect(
        await page
          .locator('#order-timeline li')
          .evaluateAll((l) => l.map((e) => e.getAttribute('data-kind'))),
      ).toEqual(['CREATED_IN_SFCC', 'CAPTURED']);
      await page.fill('#order-input', 'O-OK');
      await page.click('#order-form button[type=submit]');
      await page.locator('#order-result [data-order="O-OK"]').waitFor(WAIT);
      expect(
        await page
          .locator('#order-timeline li')
          .evaluateAll((l) => l.map((e) => e.getAttribute('data-kind'))),
      ).toEqual(['CREATED_IN_SFCC', 'CAPTURED', 'ACCEPTED_BY_WAIR', 'DISPATCHED', 'SHIPPED_IN_SFCC']);
      await page.fill('#order-input', 'O-NONE');
      await page.click('#order-form button[type=submit]');
      await page.locator('#order-result .error', { hasText: 'no order O-NONE' }).waitFor(WAIT);

      // Log-out forgets the token.
      await page.click('#logout');
      await page.locator('#login-form').waitFor(WAIT);
      expect(await page.evaluate('sessionStorage.length')).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('with basic auth, refuses the page without credentials and works with the browser-held credentials', async () => {
    const basic = await listen(
      createDashboardTestApp(
        seedDashboardHarness(),
        { basic: `${BASIC_USER}:${BASIC_PASSWORD}`, allowAnonymous: false },
        POLL_MS,
      ),
    );
    const anonymous = await browser.newContext();
    const signedIn = await browser.newContext({
      httpCredentials: { username: BASIC_USER, password: BASIC_PASSWORD },
    });
    try {
      // Headless Chromium has no prompt to show: the challenge is cancelled and navigation fails.
      const blank = await anonymous.newPage();
      const challenges: Array<{ status: number; auth: string | undefined }> = [];
      blank.on('response', (r) =>
        challenges.push({ status: r.status(), auth: r.headers()['www-authenticate'] }),
      );
      await expect(blank.goto(`${basic.url}/dashboard/`)).rejects.toThrow(/ERR_INVALID_AUTH_CREDENTIALS/);
      expect(challenges).toEqual([{ status: 401, auth: 'Basic realm="reconciliation-auditor"' }]);
      const direct = await fetch(`${basic.url}/dashboard/`);
      expect(direct.status).toBe(401);
      expect(await direct.text()).not.toContain('Flow health');

      const page = await signedIn.newPage();
      await page.goto(`${basic.url}/dashboard/`);
      await page.locator('#flow-cards article[data-flow="catalog"]').waitFor(WAIT);
      expect(await page.locator('#login').isHidden()).toBe(true);
      await page.locator('section.owner-group[data-owner="CX"]').waitFor(WAIT);
    } finally {
      await anonymous.close();
      await signedIn.close();
      await basic.close();
    }
  });
});
