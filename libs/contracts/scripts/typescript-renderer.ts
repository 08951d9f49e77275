import type { AvroEnumSchema, AvroField, AvroRecordSchema, AvroSchema } from '../src/avro-schema';
import type { AvscSource } from './avsc-sources';
import type { GeneratedFile } from './generated-file';
import { constantCase, kebabCase, lowerCamelCase, shortName } from './naming';
import { printTsLiteral, quoteTs } from './ts-literal';

/** Where generated TypeScript lives, relative to the workspace root. */
export const GENERATED_TS_DIR = 'libs/contracts/src/generated';

const MAX_WIDTH = 110;

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

/** The header every generated TypeScript file starts with. */
export function generatedHeader(source: string): string {
  return (
    `// This file is generated, do not edit. Source: ${source}.\n` +
    '// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.\n'
  );
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

function tsDoc(paragraphs: string[], indent = ''): string {
  const safe = paragraphs.map((text) => text.replace(/\*\//g, '*\\/'));
  const only = safe[0] ?? '';
  if (safe.length === 1 && indent.length + only.length + 7 <= MAX_WIDTH) {
    return `${indent}/** ${only} */\n`;
  }
  const lines = safe.flatMap((text) => (text ? wrapWords(text, MAX_WIDTH - indent.length - 3) : ['']));
  return `${indent}/**\n${lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}

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

class ModuleBuilder {
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

/** What the generated module for one `.avsc` exports, for the index and for collision checks. */
export interface TypesModule {
  readonly file: GeneratedFile;
  readonly topic: string;
  readonly moduleName: string;
  readonly valueTypeName: string;
  readonly schemaConstName: string;
  readonly declaredNames: readonly string[];
}

/** Renders the TypeScript types, enum value lists and embedded schema of one contract. */
export function renderTypesModule(source: AvscSource): TypesModule {
  const sourcePath = `libs/contracts/schemas/${source.fileName}`;
  const builder = new ModuleBuilder(source.fileName);
  const valueTypeName = builder.declareRecord(source.schema);
  const schemaConstName = `${lowerCamelCase(valueTypeName)}Schema`;
  builder.push(
    tsDoc([`Avro value schema of \`${source.topic}\`, exactly as in \`${sourcePath}\`.`]) +
      `export const ${schemaConstName}: AvroRecordSchema = ${printTsLiteral(source.schema)};\n`,
  );
  const moduleName = `${kebabCase(valueTypeName)}.generated`;
  const content =
    generatedHeader(sourcePath) +
    "import type { AvroRecordSchema } from '../avro-schema';\n\n" +
    builder.render();
  return {
    file: { path: `${GENERATED_TS_DIR}/${moduleName}.ts`, content },
    topic: source.topic,
    moduleName,
    valueTypeName,
    schemaConstName,
    declaredNames: builder.declaredNames,
  };
}

/** Renders `generated/index.ts`: re-exports plus the per-topic value type and schema maps. */
export function renderTypesIndex(modules: readonly TypesModule[]): GeneratedFile {
  const seen = new Map<string, string>();
  for (const module of modules) {
    for (const name of module.declaredNames) {
      const previous = seen.get(name);
      if (previous) {
        throw new Error(`type name ${name} is declared by both ${previous} and ${module.topic}`);
      }
      seen.set(name, module.topic);
    }
  }
  const imports = modules
    .map((m) => `import { ${m.schemaConstName}, type ${m.valueTypeName} } from './${m.moduleName}';\n`)
    .join('');
  const reexports = modules.map((m) => `export * from './${m.moduleName}';\n`).join('');
  const valueTypes = modules.map((m) => `  ${quoteTs(m.topic)}: ${m.valueTypeName};\n`).join('');
  const schemas = modules.map((m) => `  ${quoteTs(m.topic)}: ${m.schemaConstName},\n`).join('');
  const content =
    generatedHeader('libs/contracts/schemas/*.avsc') +
    "import type { AvroRecordSchema } from '../avro-schema';\n" +
    imports +
    '\n' +
    reexports +
    '\n' +
    tsDoc(['TypeScript type of the value of each contract topic, by topic name.']) +
    `export interface TopicValueTypes {\n${valueTypes}}\n\n` +
    tsDoc(['Avro value schema of each contract topic, by topic name.']) +
    `export const topicValueSchemas: { readonly [T in keyof TopicValueTypes]: AvroRecordSchema } = {\n${schemas}};\n`;
  return { path: `${GENERATED_TS_DIR}/index.ts`, content };
}
