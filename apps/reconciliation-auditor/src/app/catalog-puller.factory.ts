import {
  createAccountManagerTokenClient,
  createCatalogPuller,
  createScapiProductsClient,
  createSfccResilience,
  type CatalogPuller,
} from '@wair-sfcc/sfcc-client';
import type { AuditorConfig } from './config';

/** The catalog puller the config asks for, or undefined when no SCAPI host is configured. */
export function catalogPullerFromConfig(config: AuditorConfig): CatalogPuller | undefined {
  const { SFCC_SCAPI_HOST, SFCC_CLIENT_ID, SFCC_CLIENT_SECRET, SFCC_ORGANIZATION_ID } = config;
  if (!SFCC_SCAPI_HOST || !SFCC_CLIENT_ID || !SFCC_CLIENT_SECRET || !SFCC_ORGANIZATION_ID) return undefined;
  const tokens = createAccountManagerTokenClient({
    amHost: config.SFCC_AM_HOST,
    clientId: SFCC_CLIENT_ID,
    clientSecret: SFCC_CLIENT_SECRET,
  });
  const resilience = createSfccResilience({
    rateLimit: { ratePerSecond: config.CATALOG_PULL_RATE_PER_SECOND, concurrency: 1 },
  });
  return createCatalogPuller({
    products: createScapiProductsClient({ scapiHost: SFCC_SCAPI_HOST, organizationId: SFCC_ORGANIZATION_ID }),
    tokens,
    resilience,
    organizationId: SFCC_ORGANIZATION_ID,
    siteId: config.SFCC_SITE_ID,
    pageSize: config.CATALOG_PULL_PAGE_SIZE,
  });
}
