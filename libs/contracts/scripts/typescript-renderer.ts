import type { AvscSource } from './avsc-sources';
import type { GeneratedFile } from './generated-file';
import { kebabCase, lowerCamelCase } from './naming';
import { quoteTs, printTsLiteral } from './ts-literal';
import { tsDoc } from './tsdoc';
import { ModuleBuilder } from './typescript-module-builder';

/** Where generated TypeScript lives, relative to the workspace root. */
export const GENERATED_TS_DIR = 'libs/contracts/src/generated';

/** The header every generated TypeScript file starts with. */
export function generatedHeader(source: string): string {
  return (
    `// This file is generated, do not edit. Source: ${source}.\n` +
    '// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.\n'
  );
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
