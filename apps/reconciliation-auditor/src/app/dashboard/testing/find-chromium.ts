import { accessSync, constants } from 'node:fs';

/** Where Debian, Ubuntu and Chrome packages put the browser. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
] as const;

/** No browser to drive: says how to get one rather than failing somewhere inside Playwright. */
export class ChromiumNotFoundError extends Error {
  readonly retriable = false;
  constructor(readonly context: { tried: readonly string[] }) {
    super(
      `No Chromium found for the dashboard browser test (tried ${context.tried.join(', ')}). ` +
        'Install it (Debian: `apt-get install -y chromium`; .ci/run does this) or set CHROMIUM_PATH ' +
        'to a Chromium or Chrome executable.',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The browser executable: `CHROMIUM_PATH` when set (and then only it, so a typo is not hidden by a
 * fallback), else the first usual path that exists. @throws ChromiumNotFoundError
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = CHROMIUM_CANDIDATES,
): string {
  const configured = env['CHROMIUM_PATH']?.trim();
  const tried = configured ? [configured] : candidates;
  const found = tried.find(isExecutable);
  if (!found) throw new ChromiumNotFoundError({ tried });
  return found;
}
