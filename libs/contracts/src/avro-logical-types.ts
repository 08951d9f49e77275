import { DecimalLogicalType } from './decimal-logical-type';

/**
 * Logical types every reader and writer of these contracts should pass to avsc, e.g.
 * `Type.forSchema(schema, { logicalTypes: avroLogicalTypes })`, so that `decimal` fields are
 * decimal strings as the generated TS types say. `timestamp-millis` needs no mapping: it stays a
 * plain number of epoch milliseconds.
 */
export const avroLogicalTypes = {
  decimal: DecimalLogicalType,
} as const;
