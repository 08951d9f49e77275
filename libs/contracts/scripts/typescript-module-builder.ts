import type { AvroEnumSchema, AvroField, AvroRecordSchema, AvroSchema } from '../src/avro-schema';
import { constantCase, shortName } from './naming';
import { printTsLiteral, quoteTs } from './ts-literal';
import { MAX_WIDTH, tsDoc } from './tsdoc';

const PRIMITIVE_TS: Record<string, string> = {
  null: 'null',
  boolean: 'boolean',
  int: 'number',
  long: 'number',
  float: 'number',
  double: 'number',
  bytes: 'Buffer',
  string: 'string',
};

/** Explains how a logical type appears in TypeScript, for the field's TSDoc. */
function logicalTypeNote(schema: AvroSchema): string | undefined {
  const branch = Array.isArray(schema) ? schema.find((member) => member !== 'null') : schema;
  if (typeof branch !== 'object' || branch === null || !('logicalType' in branch)) {
    return undefined;
  }
  if (branch.logicalType === 'timestamp-millis') {
    return 'Epoch milliseconds (Avro `timestamp-millis`).';
  }
  if (branch.logicalType === 'decimal') {
    const scale = branch.scale ?? 0;
    return (
      `Decimal string with exactly ${scale} fractional digits, e.g. "${(12.3).toFixed(scale)}" ` +
      `(Avro \`decimal(${branch.precision},${scale})\`); decode with \`avroLogicalTypes\`.`
    );
  }
  return undefined;
}

/** Collects the TypeScript declarations of one contract, outer record first. */
export class ModuleBuilder {
  readonly declaredNames: string[] = [];
  private readonly blocks: string[] = [];
  // Avro nested named types inherit the enclosing namespace unless they declare their own.
  private namespace: string | undefined;

  constructor(private readonly sourceName: string) {}

  typeOf(schema: AvroSchema): string {
    if (Array.isArray(schema)) {
      // `T | null` reads better than Avro's `["null", T]` order and is what hand-written code uses.
      const members = [...schema.filter((m) => m !== 'null'), ...schema.filter((m) => m === 'null')];
      return members.map((member) => this.typeOf(member)).join(' | ');
    }
    if (typeof schema === 'string') {
      return PRIMITIVE_TS[schema] ?? shortName(schema);
    }
    if ('logicalType' in schema) {
      return schema.logicalType === 'decimal' ? 'string' : this.typeOf(schema.type);
    }
    switch (schema.type) {
      case 'record':
        return this.declareRecord(schema);
      case 'enum':
        return this.declareEnum(schema);
      case 'array': {
        const items = this.typeOf(schema.items);
        return items.includes(' ') ? `(${items})[]` : `${items}[]`;
      }
      case 'map':
        return `Record<string, ${this.typeOf(schema.values)}>`;
    }
  }

  declareRecord(record: AvroRecordSchema): string {
    const name = this.claim(record.name);
    const fullName = this.fullName(record);
    const blockIndex = this.reserveBlock();
    const outerNamespace = this.namespace;
    this.namespace = record.namespace ?? outerNamespace;
    const fields = record.fields.map((field) => this.renderField(field)).join('');
    this.namespace = outerNamespace;
    this.blocks[blockIndex] =
      tsDoc([record.doc ?? name, '', `Avro record \`${fullName}\` (${this.sourceName}).`]) +
      `export interface ${name} {\n${fields}}\n`;
    return name;
  }

  declareEnum(schema: AvroEnumSchema): string {
    const name = this.claim(schema.name);
    const symbols = schema.symbols.map(quoteTs);
    const oneLine = `export type ${name} = ${symbols.join(' | ')};`;
    const union =
      oneLine.length <= MAX_WIDTH
        ? `${oneLine}\n`
        : `export type ${name} =\n${symbols.map((symbol) => `  | ${symbol}`).join('\n')};\n`;
    const values = `export const ${constantCase(name)}_VALUES = ${printTsLiteral(schema.symbols)} as const satisfies readonly ${name}[];\n`;
    this.blocks.push(
      tsDoc([schema.doc ?? name, '', `Avro enum \`${this.fullName(schema)}\` (${this.sourceName}).`]) +
        union +
        '\n' +
        tsDoc([`Every {@link ${name}} symbol, in schema order.`]) +
        values,
    );
    return name;
  }

  push(block: string): void {
    this.blocks.push(block);
  }

  render(): string {
    return this.blocks.join('\n');
  }

  private renderField(field: AvroField): string {
    const note = logicalTypeNote(field.type);
    const doc = [field.doc ?? field.name, ...(note ? [note] : [])];
    return `${tsDoc(doc, '  ')}  ${field.name}: ${this.typeOf(field.type)};\n`;
  }

  private fullName(schema: { name: string; namespace?: string }): string {
    const namespace = schema.namespace ?? this.namespace;
    return namespace && !schema.name.includes('.') ? `${namespace}.${schema.name}` : schema.name;
  }

  private claim(name: string): string {
    if (this.declaredNames.includes(name)) {
      throw new Error(`${this.sourceName}: type name ${name} is declared twice`);
    }
    this.declaredNames.push(name);
    return name;
  }

  // The outer record is declared before its nested types are reached, so it keeps its place first.
  private reserveBlock(): number {
    this.blocks.push('');
    return this.blocks.length - 1;
  }
}
