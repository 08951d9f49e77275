import type { StockLevel } from '@wair-sfcc/contracts';
import type { RecordValidator } from '@wair-sfcc/kafka';
import { unknownLocations } from '@wair-sfcc/inventory-domain';

/**
 * Finds what makes a schema-valid stock record impossible; the consumer parks such a record on
 * `wair.stock.v1.dlq` with this text and the partition keeps flowing. Negative availability is
 * parked as the issue asks (WAIR should never publish it); an operator replays it once understood.
 */
export function createStockRecordValidator(knownLocations: ReadonlySet<string>): RecordValidator {
  return (record) => {
    const value = record.value as StockLevel;
    const problems: string[] = [];
    if (record.key !== value.sku) problems.push(`key "${record.key}" differs from sku "${value.sku}"`);
    if (value.sku.trim() !== value.sku || value.sku.length === 0)
      problems.push(`sku "${value.sku}" is empty or has surrounding whitespace`);
    const seen = new Set<string>();
    for (const loc of value.locations) {
      const at = `location ${loc.locationCode}`;
      if (seen.has(loc.locationCode)) problems.push(`${at} appears twice`);
      seen.add(loc.locationCode);
      if (loc.available < 0) problems.push(`${at}: available ${loc.available} is negative`);
      if (loc.onHand < 0) problems.push(`${at}: onHand ${loc.onHand} is negative`);
      if (loc.reserved < 0) problems.push(`${at}: reserved ${loc.reserved} is negative`);
      if (loc.available > loc.onHand)
        problems.push(`${at}: available ${loc.available} exceeds onHand ${loc.onHand}`);
    }
    const unknown = unknownLocations(value, knownLocations);
    if (unknown.length > 0) {
      problems.push(
        `unknown WAIR location(s) ${unknown.join(', ')}: not mapped to any inventory list nor listed in UNMAPPED_LOCATIONS`,
      );
    }
    return problems.length === 0 ? undefined : `sku ${value.sku}: ${problems.join('; ')}`;
  };
}
