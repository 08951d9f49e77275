import type { AvscSource } from './avsc-sources';
import { renderTypesIndex, renderTypesModule } from './typescript-renderer';

const source: AvscSource = {
  topic: 'test.things.v1',
  fileName: 'test.things.v1.avsc',
  schema: {
    type: 'record',
    name: 'Thing',
    namespace: 'com.example.v1',
    doc: 'A thing.',
    fields: [
      { name: 'at', doc: 'When.', type: { type: 'long', logicalType: 'timestamp-millis' } },
      { name: 'count', doc: 'How many.', type: 'long' },
      {
        name: 'total',
        doc: 'Money.',
        type: ['null', { type: 'bytes', logicalType: 'decimal', precision: 14, scale: 2 }],
        default: null,
      },
      { name: 'tags', doc: 'Tags.', type: { type: 'map', values: 'string' } },
      {
        name: 'kind',
        doc: 'Kind.',
        type: { type: 'enum', name: 'ThingKind', doc: 'Kinds.', symbols: ['A', 'B'] },
      },
      {
        name: 'parts',
        doc: 'Parts.',
        type: {
          type: 'array',
          items: {
            type: 'record',
            name: 'Part',
            doc: 'A part.',
            fields: [{ name: 'id', doc: 'Id.', type: 'string' }],
          },
        },
      },
      { name: 'maybeParts', doc: 'Maybe.', type: { type: 'array', items: ['null', 'Part'] } },
    ],
  },
};

describe('renderTypesModule', () => {
  const module = renderTypesModule(source);

  it('maps Avro types to TypeScript', () => {
    expect(module.file.content).toContain('  at: number;\n');
    expect(module.file.content).toContain('  count: number;\n');
    expect(module.file.content).toContain('  total: string | null;\n');
    expect(module.file.content).toContain('  tags: Record<string, string>;\n');
    expect(module.file.content).toContain('  kind: ThingKind;\n');
    expect(module.file.content).toContain('  parts: Part[];\n');
    expect(module.file.content).toContain('  maybeParts: (Part | null)[];\n');
  });

  it('renders enums as a union and a const array of their symbols', () => {
    expect(module.file.content).toContain("export type ThingKind = 'A' | 'B';");
    expect(module.file.content).toContain(
      "export const THING_KIND_VALUES = ['A', 'B'] as const satisfies readonly ThingKind[];",
    );
  });

  it('names nested types with the inherited namespace and embeds the schema', () => {
    expect(module.file.content).toContain('Avro record `com.example.v1.Part`');
    expect(module.file.content).toContain('export const thingSchema: AvroRecordSchema = {');
    expect(module).toMatchObject({
      moduleName: 'thing.generated',
      valueTypeName: 'Thing',
      declaredNames: ['Thing', 'ThingKind', 'Part'],
    });
  });

  it('refuses two contracts declaring the same type name', () => {
    expect(() => renderTypesIndex([module, { ...module, topic: 'other.v1' }])).toThrow(
      /Thing is declared by both/,
    );
  });
});
