import { createLogger } from '@wair-sfcc/observability';
import { parseFieldNames } from '../app/field-names';
import type { WairClientOptions } from '../app/wair-client';

/**
 * Options of a WAIR client for unit tests, whose fetch is stubbed: a host that cannot resolve,
 * one call at a time, no backoff wait, silent logs.
 */
export function testWairClientOptions(overrides: Partial<WairClientOptions> = {}): WairClientOptions {
  return {
    baseUrl: 'http://wair.invalid',
    tenant: 't',
    username: 'u',
    password: 'p',
    tokenPath: '/Token',
    names: parseFieldNames('{}'),
    tokenMarginSeconds: 60,
    maxConcurrency: 1,
    maxRetries: 1,
    timeoutMs: 1000,
    logger: createLogger({ app: 'wair-ingest', level: 'silent' }),
    backoffBaseMs: 0,
    ...overrides,
  };
}
