import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { topicCatalogue } from '../src/topic-catalogue';
import { DOC_PATHS } from './doc-outputs';
import { WORKSPACE_ROOT } from './workspace-paths';

describe('docs/asyncapi.yaml', () => {
  const text = readFileSync(join(WORKSPACE_ROOT, DOC_PATHS.asyncapi), 'utf8');

  async function parse() {
    const parser = new Parser();
    parser.registerSchemaParser(AvroSchemaParser());
    return parser.parse(text);
  }

  it('is a valid AsyncAPI 3.0.0 document with Avro payloads', async () => {
    const { document, diagnostics } = await parse();
    const problems = diagnostics
      .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
      .map((d) => `${d.code} ${d.message} at ${d.path.join('.')}`);
    expect(problems).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  }, 30_000);

  it('has a channel per catalogue topic with its Kafka configuration', async () => {
    const { document } = await parse();
    const channels = document?.channels().all() ?? [];
    expect(channels.map((channel) => channel.address()).sort()).toEqual(
      topicCatalogue.map((t) => t.name).sort(),
    );
    const stock = channels.find((channel) => channel.address() === 'wair.stock.v1');
    expect(stock?.bindings().get('kafka')?.value()).toMatchObject({
      partitions: 6,
      topicConfiguration: { 'cleanup.policy': ['compact'], 'segment.ms': 3600000 },
    });
  }, 30_000);

  it('has a send operation per writer and a receive operation per consumer', async () => {
    const { document } = await parse();
    const operations = document?.operations().all() ?? [];
    const expected = topicCatalogue.reduce(
      (sum, spec) =>
        sum +
        1 +
        (spec.alsoWrittenBy ?? []).filter((app) => app !== spec.owner).length +
        spec.consumers.length,
      0,
    );
    expect(operations).toHaveLength(expected);
    expect(operations.filter((op) => op.action() === 'receive').map((op) => op.id())).toContain(
      'sfcc-inventory-writer-receive-wair-stock-v1',
    );
  }, 30_000);
});
