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

type Walkable = avro.Type & {
  fields?: Array<{ type: avro.Type }>;
  itemsType?: avro.Type;
  valuesType?: avro.Type;
  types?: avro.Type[];
  size?: number;
  underlyingType?: avro.Type;
};

/**
 * Walks an Avro binary body as `type` without building values and says why it cannot be one when
 * a length or block count claims more than the bytes left (undefined when it fits). avsc trusts
 * those counts: eight corrupt bytes can announce an array of 50 million items, which it allocates
 * (a minute and gigabytes) before failing, so corrupt records are checked first.
 */
export function checkAvroBounds(type: avro.Type, body: Buffer): string | undefined {
  let pos = 0;
  const left = (): number => body.length - pos;
  const fail = (why: string): never => {
    throw new RangeError(why);
  };
  const long = (): number => {
    let n = 0;
    let scale = 1;
    for (let i = 0; ; i += 1) {
      if (pos >= body.length) fail('truncated varint');
      if (i >= 10) fail('varint longer than 10 bytes');
      const b = body[pos++] as number;
      n += (b & 0x7f) * scale;
      scale *= 128;
      if (!(b & 0x80)) break;
    }
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  };
  const take = (n: number, what: string): void => {
    if (n < 0 || n > left()) fail(`${what} of ${n} bytes with ${left()} left`);
    pos += n;
  };
  const blocks = (items: avro.Type, isMap: boolean): void => {
    for (;;) {
      let n = long();
      if (n === 0) return;
      if (n < 0) {
        n = -n;
        long();
      }
      // Every item but a null takes at least one byte.
      if (n > (items.typeName === 'null' && !isMap ? 1_000_000 : left()))
        fail(`block of ${n} items with ${left()} bytes left`);
      for (let i = 0; i < n; i += 1) {
        if (isMap) take(long(), 'map key');
        walk(items);
      }
    }
  };
  const walk = (t: Walkable): void => {
    const name = t.typeName;
    if (name === 'null') return;
    if (name === 'boolean') return take(1, 'boolean');
    if (name === 'int' || name === 'long' || name === 'enum') return void long();
    if (name === 'float') return take(4, 'float');
    if (name === 'double') return take(8, 'double');
    if (name === 'string' || name === 'bytes') return take(long(), name);
    if (name === 'fixed') return take(t.size ?? 0, 'fixed');
    if (name === 'record' || name === 'error') return t.fields?.forEach((f) => walk(f.type));
    if (name === 'array') return blocks(t.itemsType as avro.Type, false);
    if (name === 'map') return blocks(t.valuesType as avro.Type, true);
    if (name.startsWith('union')) {
      const branch = long();
      const types = t.types ?? [];
      if (branch < 0 || branch >= types.length) fail(`union branch ${branch} of ${types.length}`);
      return walk(types[branch] as avro.Type);
    }
    if (name.startsWith('logical') && t.underlyingType) return walk(t.underlyingType);
    // A type this walk does not know: leave the body to avsc.
    throw new TypeError('unknown');
  };
  try {
    walk(type);
    return undefined;
  } catch (error) {
    return error instanceof RangeError ? error.message : undefined;
  }
}
