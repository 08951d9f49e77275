import { createAccountManagerTokenClient } from '../auth/account-manager-token.client';
import { createOcapiHttpClient } from '../ocapi/ocapi-http.client';
import { createSfccResilience } from '../resilience/sfcc-resilience';

/** Token client + fast resilience + OCAPI http against a stub server, for adapter specs. */
export function stubbedOcapi(url: string) {
  const tokens = createAccountManagerTokenClient({ amHost: url, clientId: 'client', clientSecret: 'secret' });
  const resilience = createSfccResilience({
    rateLimit: { ratePerSecond: 1000, concurrency: 4 },
    retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 },
  });
  return { tokens, resilience, http: createOcapiHttpClient({ host: url, tokens, resilience }) };
}
