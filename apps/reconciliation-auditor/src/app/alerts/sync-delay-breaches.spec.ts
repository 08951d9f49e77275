import type { ExceptionChange } from '@wair-sfcc/audit-rules';
import type { IntegrationException } from '@wair-sfcc/contracts';
import { syncDelayBreaches } from './sync-delay-breaches';

const change = (
  kind: ExceptionChange['kind'],
  type: IntegrationException['type'],
  subject: string,
  asOf?: string,
): ExceptionChange => ({
  kind,
  previous: undefined,
  exception: { type, subject, data: asOf ? { asOf } : {} } as unknown as IntegrationException,
});

describe('SYNC_DELAY breaches', () => {
  it('signals newly opened and re-opened sync delays with the figure age, nothing else', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    const breaches = syncDelayBreaches(
      [
        change('OPENED', 'SYNC_DELAY', 'SKU-1', '2026-11-27T09:58:00Z'),
        change('REOPENED', 'SYNC_DELAY', 'SKU-2'),
        change('SEEN', 'SYNC_DELAY', 'SKU-3', '2026-11-27T09:00:00Z'),
        change('OPENED', 'INVENTORY_DRIFT', 'SKU-4'),
      ],
      now,
      60_000,
    );
    expect(breaches).toEqual([
      { kind: 'SYNC_DELAY', key: 'SKU-1', value: 120_000, threshold: 60_000 },
      { kind: 'SYNC_DELAY', key: 'SKU-2', value: 60_000, threshold: 60_000 },
    ]);
  });
});
