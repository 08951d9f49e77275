import type { RequestHandler } from 'express';
import { createApiAuth, type ApiAuthSettings } from '../api/api-auth';

/**
 * How the browser authenticates, from the API's settings:
 * - `basic`: the page and its assets sit behind the API's middleware, so the browser prompts and
 *   then sends the same credentials on every API call of the page;
 * - `token`: a browser cannot send a bearer token on navigation, so the shell (no data) is served to
 *   anyone and asks for the token, kept in sessionStorage and sent on every API call;
 * - `anonymous`: explicitly configured for local runs;
 * - `unconfigured`: no credentials configured, everything answers 503 as the API does.
 */
export type DashboardAuthMode = 'basic' | 'token' | 'anonymous' | 'unconfigured';

export function dashboardAuthMode(auth: ApiAuthSettings): DashboardAuthMode {
  if (auth.allowAnonymous) return 'anonymous';
  if (auth.basic) return 'basic';
  if (auth.token) return 'token';
  return 'unconfigured';
}

const passThrough: RequestHandler = (_req, _res, next) => next();

/** The guard of the page and its static assets (the API guards the data itself). */
export function createShellGuard(auth: ApiAuthSettings): RequestHandler {
  return dashboardAuthMode(auth) === 'token' ? passThrough : createApiAuth(auth);
}
