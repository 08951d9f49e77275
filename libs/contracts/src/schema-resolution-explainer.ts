import { Type, types } from 'avsc';
import { DecimalLogicalType } from './decimal-logical-type';

// avsc only says "cannot read <whole writer schema> as <whole reader schema>"; walking both types
// finds the fields that actually break, which is what a developer fixing a schema needs to see.

function canResolve(reader: Type, writer: Type): boolean {
  try {
    reader.createResolver(writer);
    return true;
  } catch {
    return false;
  }
}

/** A short name for a type, e.g. `string`, `decimal(14,2)`, `com.x.Dispatch`, `null | string`. */
export function describeAvroType(type: Type): string {
  if (type instanceof types.UnwrappedUnionType || type instanceof types.WrappedUnionType) {
    return type.types.map(describeAvroType).join(' | ');
  }
  if (type instanceof DecimalLogicalType) {
    return `decimal(${type.precision},${type.scale})`;
  }
  if (type instanceof types.ArrayType) {
    return `array<${describeAvroType(type.itemsType)}>`;
  }
  if (type instanceof types.MapType) {
    return `map<${describeAvroType(type.valuesType as Type)}>`;
  }
  return type.name ?? type.typeName;
}

function at(path: string): string {
  return path || '(value)';
}

function explainRecord(reader: types.RecordType, writer: types.RecordType, path: string): string[] {
  const reasons: string[] = [];
  for (const field of reader.fields) {
    const fieldPath = path ? `${path}.${field.name}` : field.name;
    const written = writer.fields.find((w) => w.name === field.name || field.aliases.includes(w.name));
    if (!written) {
      if (field.defaultValue() === undefined) {
        reasons.push(`${fieldPath}: new field has no default, so records written before it cannot be read`);
      }
      continue;
    }
    reasons.push(...explainResolution(field.type, written.type, fieldPath));
  }
  return reasons;
}

/**
 * Lists why data written with `writer` cannot be read with `reader`, one reason per offending
 * path; empty when it can.
 */
export function explainResolution(reader: Type, writer: Type, path = ''): string[] {
  if (canResolve(reader, writer)) {
    return [];
  }
  let reasons: string[] = [];
  if (reader instanceof types.RecordType && writer instanceof types.RecordType) {
    const aliases = reader.aliases ?? [];
    if (reader.name !== writer.name && !aliases.includes(writer.name ?? '')) {
      return [`${at(path)}: record ${writer.name} was renamed to ${reader.name} without an alias`];
    }
    reasons = explainRecord(reader, writer, path);
  } else if (reader instanceof types.ArrayType && writer instanceof types.ArrayType) {
    reasons = explainResolution(reader.itemsType, writer.itemsType, `${path}[]`);
  } else if (reader instanceof types.MapType && writer instanceof types.MapType) {
    reasons = explainResolution(reader.valuesType as Type, writer.valuesType as Type, `${path}{}`);
  } else if (reader instanceof types.EnumType && writer instanceof types.EnumType) {
    const removed = writer.symbols.filter((symbol) => !reader.symbols.includes(symbol));
    if (removed.length > 0) {
      reasons = [`${at(path)}: enum symbols ${removed.join(', ')} were removed and the enum has no default`];
    }
  }
  return reasons.length > 0
    ? reasons
    : [`${at(path)}: ${describeAvroType(writer)} cannot be read as ${describeAvroType(reader)}`];
}
