import type { z } from 'zod';

/** A credential whose default only fits a local simulator, and the URLs it would be sent to. */
export interface FixtureCredential {
  /** Env name of the credential, e.g. `SFCC_CLIENT_SECRET`. */
  name: string;
  /** The simulator fixture value the schema defaults to. */
  fixture: string;
  /** Env names of the URLs the credential authenticates against (unset ones are skipped). */
  urls: string[];
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True when the URL names this machine (where only the simulators answer). */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
  } catch {
    return false;
  }
}

/**
 * A `superRefine` check that refuses simulator fixture credentials against any host other than
 * this machine: a deployment that forgot to set a secret then fails at start with the variable's
 * name instead of calling a real SFCC or WAIR with a value published in this repository.
 */
export function refuseFixtureCredentialsOffLoopback(credentials: FixtureCredential[]) {
  return (env: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const credential of credentials) {
      if (env[credential.name] !== credential.fixture) continue;
      const remote = credential.urls
        .map((name) => ({ name, url: env[name] }))
        .find((u): u is { name: string; url: string } => typeof u.url === 'string' && !isLoopbackUrl(u.url));
      if (!remote) continue;
      ctx.addIssue({
        code: 'custom',
        path: [credential.name],
        message: `the simulator fixture default cannot be used against ${remote.name}=${new URL(remote.url).host}; set ${credential.name} from the secret store`,
      });
    }
  };
}
