import { createSfccInventoryClients, type SfccInventoryClients } from '@wair-sfcc/sfcc-client';
import type { AuditorConfig } from './config';

/**
 * OCAPI inventory read-back for the audits, or undefined when SFCC_OCAPI_HOST is unset. It has its
 * own limiter at SFCC_READ_RATE_PER_SEC, one request at a time, so audits leave the API quota to
 * the writer.
 */
export function inventoryClientsFromConfig(config: AuditorConfig): SfccInventoryClients | undefined {
  const { SFCC_OCAPI_HOST, SFCC_CLIENT_ID, SFCC_CLIENT_SECRET } = config;
  if (!SFCC_OCAPI_HOST || !SFCC_CLIENT_ID || !SFCC_CLIENT_SECRET) return undefined;
  return createSfccInventoryClients({
    host: SFCC_OCAPI_HOST,
    amHost: config.SFCC_AM_HOST,
    clientId: SFCC_CLIENT_ID,
    clientSecret: SFCC_CLIENT_SECRET,
    ocapiVersion: config.SFCC_OCAPI_VERSION,
    resilience: { rateLimit: { ratePerSecond: config.SFCC_READ_RATE_PER_SEC, concurrency: 1 } },
  });
}
