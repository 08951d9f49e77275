import avro from 'avsc';
import { avroLogicalTypes } from '@wair-sfcc/contracts';

/** An Avro type compiled once per topic, with the logical types of the contracts. */
export function compileAvro(schema: unknown): avro.Type {
  return avro.Type.forSchema(schema as avro.Schema, { logicalTypes: avroLogicalTypes });
}

/**
 * Explains why a value does not fit its schema, naming the field paths (e.g. `locations.0.onHand`),
 * or returns undefined when it fits.
 */
export function explainInvalid(type: avro.Type, value: unknown): string | undefined {
  const problems: string[] = [];
  type.isValid(value, {
    errorHook: (path: string[], got: unknown, fieldType: avro.Type) => {
      problems.push(
        `${path.join('.') || '(root)'}: ${JSON.stringify(got)} is not a valid ${String(fieldType.typeName ?? fieldType)}`,
      );
    },
  });
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** Confluent framing: magic byte 0, 4-byte big-endian schema id, Avro binary body. */
export function frame(schemaId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(0, 0);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, body]);
}
