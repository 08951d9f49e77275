import { Type } from 'avsc';
import { avroLogicalTypes } from './avro-logical-types';
import type { AvroSchema } from './avro-schema';
import { explainResolution } from './schema-resolution-explainer';

/** Result of a compatibility check; `reasons` is empty exactly when `compatible` is true. */
export interface CompatibilityResult {
  compatible: boolean;
  reasons: string[];
}

function parse(schema: AvroSchema | string): Type {
  const json: unknown = typeof schema === 'string' ? JSON.parse(schema) : schema;
  return Type.forSchema(json as Parameters<typeof Type.forSchema>[0], {
    logicalTypes: avroLogicalTypes,
    assertLogicalTypes: true,
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks `BACKWARD_TRANSITIVE` compatibility: can a reader on `newSchema` read data written with
 * every one of `previousSchemas` (oldest first)? Uses avsc's schema resolution, including decimal
 * scale and precision. Schemas may be objects or JSON strings as a registry returns them.
 */
export function checkBackwardCompatibility(
  newSchema: AvroSchema | string,
  previousSchemas: readonly (AvroSchema | string)[],
): CompatibilityResult {
  let reader: Type;
  try {
    reader = parse(newSchema);
  } catch (error) {
    return { compatible: false, reasons: [`new schema is not valid Avro: ${message(error)}`] };
  }
  const reasons = previousSchemas.flatMap((previous, index) => {
    const label = `against version ${index + 1}`;
    try {
      return explainResolution(reader, parse(previous)).map((reason) => `${label}: ${reason}`);
    } catch (error) {
      return [`${label}: previous schema is not valid Avro: ${message(error)}`];
    }
  });
  return { compatible: reasons.length === 0, reasons };
}
