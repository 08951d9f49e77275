import type { OpsFlags } from './ops-args';

/** A setting a command needs is missing or unusable; the message names the variable or flag. */
export class OpsConfigError extends Error {
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'OpsConfigError';
  }
}

export interface HttpTarget {
  baseUrl: string;
  token?: string;
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

function baseUrl(flag: string | undefined, env: string | undefined, fallback: string, names: string): string {
  const raw = (flag ?? env ?? fallback).trim();
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new OpsConfigError(`${names} must be an http(s) URL (got "${raw}")`);
  }
  return raw.replace(/\/+$/, '');
}

/** The auditor's ops server (the API is under `/api`); AUDITOR_TOKEN is optional for anonymous local runs. */
export function auditorTarget(flags: OpsFlags, env: NodeJS.ProcessEnv): HttpTarget {
  return {
    baseUrl: baseUrl(
      flags.auditorUrl,
      env['AUDITOR_URL'],
      'http://127.0.0.1:9304',
      'AUDITOR_URL / --auditor-url',
    ),
    token: env['AUDITOR_TOKEN'] || undefined,
    timeoutMs: flags.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

/** The inventory writer's ops server; ADMIN_TOKEN is required by its admin API. */
export function writerTarget(flags: OpsFlags, env: NodeJS.ProcessEnv): HttpTarget {
  const token = env['ADMIN_TOKEN'];
  if (!token)
    throw new OpsConfigError("resync needs ADMIN_TOKEN (the writer's admin bearer token) in the environment");
  return {
    baseUrl: baseUrl(
      flags.writerUrl,
      env['WRITER_URL'],
      'http://127.0.0.1:9302',
      'WRITER_URL / --writer-url',
    ),
    token,
    timeoutMs: flags.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}
