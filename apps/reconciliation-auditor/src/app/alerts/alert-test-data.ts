import { upsertException, type ExceptionChange } from '@wair-sfcc/audit-rules';
import type { Severity } from '@wair-sfcc/contracts';
import { alertConfigSchema, type AlertConfig } from './alert-config';

/** A new SKU_MISMATCH exception for `sku` (test data). */
export function openedMismatch(sku: string, at: number, severity: Severity = 'HIGH'): ExceptionChange {
  return upsertException(
    undefined,
    {
      type: 'SKU_MISMATCH',
      subjectType: 'SKU',
      subject: sku,
      severity,
      owner: 'MERCH',
      detail: 'WAIR SKU without a sellable SFCC variant',
      data: {},
    },
    at,
    'reconciliation-auditor',
  );
}

/** Alert settings from the schema's defaults plus `env` (test data). */
export function alertConfig(env: Record<string, string> = {}): AlertConfig {
  return alertConfigSchema.parse(env);
}
