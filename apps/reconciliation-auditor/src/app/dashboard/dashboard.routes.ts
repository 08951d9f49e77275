import express, { type Response, type Router } from 'express';
import type { ApiAuthSettings } from '../api/api-auth';
import { createShellGuard, dashboardAuthMode } from './dashboard-auth';
import { DASHBOARD_CLIENT_JS } from './dashboard-client';
import { renderDashboardPage } from './dashboard-page';
import { DASHBOARD_CSS } from './dashboard-styles';

/** What {@link createDashboardRouter} needs. */
export interface DashboardDeps {
  /** The JSON API's settings: the dashboard authenticates exactly as the API does. */
  auth: ApiAuthSettings;
  /** Path of the JSON API as the browser sees it; default `/api`. */
  apiBase?: string;
  /** How often the page polls the API; default 5000 ms. */
  pollMs?: number;
  /** Page title; default `Reconciliation auditor`. */
  title?: string;
}

// The page loads only its own script and style and talks only to its own origin.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

function secure(res: Response): Response {
  return res.set({
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
}

/**
 * The operator dashboard: a server-rendered shell (`GET /`) and its stylesheet and script
 * (`GET /assets/dashboard.css|js`); every datum comes from the JSON API, which the page calls with
 * fetch. Mount it at `/dashboard` beside the API at `/api`; a request for the mount path without its
 * trailing slash is redirected so relative asset URLs work.
 *
 * Authentication follows the API's settings (see {@link dashboardAuthMode}): with basic auth the
 * page itself is refused without credentials; with a bearer token only, the data-free shell asks for
 * the token, and the API refuses every datum without it.
 */
export function createDashboardRouter(deps: DashboardDeps): Router {
  const router = express.Router({ strict: true });
  const page = renderDashboardPage({
    apiBase: deps.apiBase ?? '/api',
    authMode: dashboardAuthMode(deps.auth),
    pollMs: deps.pollMs ?? 5_000,
    title: deps.title ?? 'Reconciliation auditor',
  });
  const shellGuard = createShellGuard(deps.auth);

  router.get('/', shellGuard, (req, res) => {
    // Built from the mount path, never from the request URL, so it cannot redirect off-site.
    if (!req.originalUrl.split('?', 1)[0]?.endsWith('/')) {
      res.redirect(301, `${req.baseUrl}/`);
      return;
    }
    secure(res).set('Cache-Control', 'no-store').type('html').send(page);
  });
  router.get('/assets/dashboard.css', shellGuard, (_req, res) => {
    secure(res).set('Cache-Control', 'no-cache').type('css').send(DASHBOARD_CSS);
  });
  router.get('/assets/dashboard.js', shellGuard, (_req, res) => {
    secure(res).set('Cache-Control', 'no-cache').type('js').send(DASHBOARD_CLIENT_JS);
  });
  return router;
}
