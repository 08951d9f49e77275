// The subset of Avro schema JSON these contracts use. Declared as type aliases (not interfaces) so
// values stay assignable to avsc's own `Schema` type, whose logical-type shape has an index
// signature that interfaces would not satisfy.

/** An Avro primitive type name. */
export type AvroPrimitiveName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

/** A field of an Avro record. */
export type AvroField = {
  name: string;
  doc?: string;
  type: AvroSchema;
  default?: unknown;
  order?: 'ascending' | 'descending' | 'ignore';
  aliases?: string[];
};

/** An Avro record schema. */
export type AvroRecordSchema = {
  type: 'record';
  name: string;
  namespace?: string;
  doc?: string;
  aliases?: string[];
  fields: AvroField[];
};

/** An Avro enum schema. */
export type AvroEnumSchema = {
  type: 'enum';
  name: string;
  namespace?: string;
  doc?: string;
  aliases?: string[];
  symbols: string[];
  default?: string;
};

/** An Avro array schema. */
export type AvroArraySchema = { type: 'array'; items: AvroSchema };

/** An Avro map schema (keys are always strings). */
export type AvroMapSchema = { type: 'map'; values: AvroSchema };

/** A primitive annotated with a logical type, e.g. `timestamp-millis` or `decimal`. */
export type AvroLogicalSchema = {
  type: AvroPrimitiveName;
  logicalType: string;
  precision?: number;
  scale?: number;
};

/** Any Avro schema that is not a union. A bare string is a primitive or a named-type reference. */
export type AvroNonUnionSchema =
  string | AvroRecordSchema | AvroEnumSchema | AvroArraySchema | AvroMapSchema | AvroLogicalSchema;

/** An Avro schema, as parsed from `.avsc` JSON. A JSON array is a union. */
export type AvroSchema = AvroNonUnionSchema | AvroNonUnionSchema[];
