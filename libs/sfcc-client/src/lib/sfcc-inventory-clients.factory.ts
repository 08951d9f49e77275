import {
  createAccountManagerTokenClient,
  type AccessTokenProvider,
} from './auth/account-manager-token.client';
import {
  createImpexInventoryImporter,
  type ImpexInventoryImporterOptions,
} from './impex/impex-inventory-importer.adapter';
import type { InventoryImporter, InventoryReader, InventoryWriter } from './inventory-writer.port';
import { createOcapiHttpClient } from './ocapi/ocapi-http.client';
import { createOcapiInventoryReader } from './ocapi/ocapi-inventory-reader.adapter';
import { createOcapiInventoryWriter } from './ocapi/ocapi-inventory-writer.adapter';
import {
  createSfccResilience,
  type SfccResilience,
  type SfccResilienceOptions,
} from './resilience/sfcc-resilience';

export interface SfccInventoryClientSettings {
  /** OCAPI/WebDAV instance host with scheme. */
  host: string;
  /** Account Manager host with scheme. */
  amHost: string;
  clientId: string;
  clientSecret: string;
  ocapiVersion?: string;
  maxPartsPerBatch?: number;
  resilience: SfccResilienceOptions;
  impex?: Omit<ImpexInventoryImporterOptions, 'http' | 'ocapiVersion'>;
  /** Pass a shared token provider (one per client id) when several APIs are used. */
  tokens?: AccessTokenProvider;
  fetch?: typeof fetch;
}

/** The adapters of the inventory flow over one token provider and one set of limits. */
export interface SfccInventoryClients {
  tokens: AccessTokenProvider;
  resilience: SfccResilience;
  writer: InventoryWriter;
  reader: InventoryReader;
  importer: InventoryImporter;
  stop(): Promise<void>;
}

/** Wires token client → resilience → OCAPI http → writer, reader and IMPEX importer. */
export function createSfccInventoryClients(settings: SfccInventoryClientSettings): SfccInventoryClients {
  const tokens =
    settings.tokens ??
    createAccountManagerTokenClient({
      amHost: settings.amHost,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      fetch: settings.fetch,
    });
  const resilience = createSfccResilience(settings.resilience);
  const http = createOcapiHttpClient({ host: settings.host, tokens, resilience, fetch: settings.fetch });
  return {
    tokens,
    resilience,
    writer: createOcapiInventoryWriter({
      http,
      tokens,
      ocapiVersion: settings.ocapiVersion,
      maxPartsPerBatch: settings.maxPartsPerBatch,
      rateSignals: resilience.limiter,
    }),
    reader: createOcapiInventoryReader({ http, ocapiVersion: settings.ocapiVersion }),
    importer: createImpexInventoryImporter({ ...settings.impex, http, ocapiVersion: settings.ocapiVersion }),
    stop: () => resilience.stop(),
  };
}
