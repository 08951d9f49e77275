import type { AvroField, AvroNonUnionSchema, AvroRecordSchema, AvroSchema } from '../src/avro-schema';

/** One row of a field table in the docs: nested fields are flattened to paths like `lines[].sku`. */
export interface FieldRow {
  readonly path: string;
  readonly type: string;
  readonly doc: string;
}

function nonNullBranches(schema: AvroSchema): AvroNonUnionSchema[] {
  return (Array.isArray(schema) ? schema : [schema]).filter((branch) => branch !== 'null');
}

/** A short human-readable Avro type, e.g. `timestamp-millis`, `decimal(14,2)`, `array<Dispatch>`. */
export function describeType(schema: AvroSchema): string {
  if (Array.isArray(schema)) {
    return schema.map(describeType).join(' or ');
  }
  if (typeof schema === 'string') {
    return schema;
  }
  if ('logicalType' in schema) {
    return schema.logicalType === 'decimal'
      ? `decimal(${schema.precision},${schema.scale ?? 0})`
      : `${schema.logicalType}`;
  }
  switch (schema.type) {
    case 'record':
      return `record ${schema.name}`;
    case 'enum':
      return `enum ${schema.name}`;
    case 'array':
      return `array<${describeItem(schema.items)}>`;
    case 'map':
      return `map<${describeItem(schema.values)}>`;
  }
}

function describeItem(schema: AvroSchema): string {
  return typeof schema === 'object' &&
    !Array.isArray(schema) &&
    (schema.type === 'record' || schema.type === 'enum')
    ? schema.name
    : describeType(schema);
}

function fieldDoc(field: AvroField): string {
  const parts = [field.doc ?? ''];
  if (Array.isArray(field.type) && field.type.includes('null')) {
    parts.push('Nullable.');
  }
  if (field.default !== undefined && field.default !== null) {
    parts.push(`Default \`${JSON.stringify(field.default)}\`.`);
  }
  for (const branch of nonNullBranches(field.type)) {
    if (typeof branch === 'object' && branch.type === 'enum') {
      parts.push(`One of ${branch.symbols.map((symbol) => `\`${symbol}\``).join(', ')}.`);
      if (branch.doc) {
        parts.push(branch.doc);
      }
    }
  }
  return parts.filter(Boolean).join(' ');
}

function nestedRecord(schema: AvroSchema): { record: AvroRecordSchema; suffix: string } | undefined {
  for (const branch of nonNullBranches(schema)) {
    if (typeof branch !== 'object') {
      continue;
    }
    if (branch.type === 'record') {
      return { record: branch, suffix: '.' };
    }
    if (branch.type === 'array' || branch.type === 'map') {
      const inner = nestedRecord(branch.type === 'array' ? branch.items : branch.values);
      if (inner) {
        return { record: inner.record, suffix: `${branch.type === 'array' ? '[]' : '{}'}${inner.suffix}` };
      }
    }
  }
  return undefined;
}

/** Every field of `record`, depth first, nested record fields under their parent's path. */
export function flattenFields(record: AvroRecordSchema, prefix = ''): FieldRow[] {
  return record.fields.flatMap((field) => {
    const path = `${prefix}${field.name}`;
    const row: FieldRow = { path, type: describeType(field.type), doc: fieldDoc(field) };
    const nested = nestedRecord(field.type);
    return nested ? [row, ...flattenFields(nested.record, `${path}${nested.suffix}`)] : [row];
  });
}
