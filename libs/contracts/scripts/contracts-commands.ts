import { checkBackwardCompatibility } from '../src/backward-compatibility';
import { topicCatalogue, type TopicSpec } from '../src/topic-catalogue';
import {
  checkSubjectCompatibility,
  fetchSubjectSchemas,
  registerSubjectSchema,
  setSubjectCompatibility,
  type RegistryConnection,
} from './schema-registry-client';
import { renderTextTable } from './text-table';

/** What the CLI needs from its surroundings; injected so tests run without a registry. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** A registry subject of the catalogue and the schema text that belongs under it. */
export interface SubjectSchema {
  readonly topic: string;
  readonly subject: string;
  /** Avro schema as compact JSON text, the form the registry stores. */
  readonly schema: string;
}

/** Every value subject of the catalogue with its schema (DLQ topics have none). */
export function contractSubjects(catalogue: readonly TopicSpec[] = topicCatalogue): SubjectSchema[] {
  return catalogue.flatMap((spec) =>
    spec.valueSubject && spec.valueSchema
      ? [{ topic: spec.name, subject: spec.valueSubject, schema: JSON.stringify(spec.valueSchema) }]
      : [],
  );
}

const USAGE =
  'usage: contracts-cli <check|register>   (needs SCHEMA_REGISTRY_URL, e.g. http://127.0.0.1:18081/apis/ccompat/v7)';

interface CheckRow {
  readonly subject: string;
  readonly registry: string;
  readonly local: string;
  readonly details: readonly string[];
}

// The registry's verdict is authoritative, but Avro's own checker ignores logical types, so a
// decimal scale change would pass it; the local avsc-based check against every registered
// version catches that too.
async function checkSubject(
  connection: RegistryConnection,
  subject: string,
  schema: string,
): Promise<CheckRow> {
  const registry = await checkSubjectCompatibility(connection, subject, schema);
  const local = checkBackwardCompatibility(schema, await fetchSubjectSchemas(connection, subject));
  return {
    subject,
    registry: registry.status,
    local: local.compatible ? 'compatible' : 'incompatible',
    details: [...(registry.status === 'incompatible' ? registry.messages : []), ...local.reasons],
  };
}

async function check(connection: RegistryConnection, context: CliContext): Promise<number> {
  const rows: CheckRow[] = [];
  for (const { subject, schema } of contractSubjects()) {
    rows.push(await checkSubject(connection, subject, schema));
  }
  context.out(
    renderTextTable(
      ['subject', 'registry', 'local check', 'details'],
      rows.map((r) => [r.subject, r.registry, r.local, r.details.join('; ')]),
    ),
  );
  const incompatible = rows.filter((r) => r.registry === 'incompatible' || r.local === 'incompatible');
  if (incompatible.length > 0) {
    context.err(`incompatible with registered versions: ${incompatible.map((r) => r.subject).join(', ')}`);
    return 1;
  }
  return 0;
}

async function register(connection: RegistryConnection, context: CliContext): Promise<number> {
  const rows: string[][] = [];
  for (const { subject, schema } of contractSubjects()) {
    // Set the level before the first version so even that one is guarded; the registry default may be NONE.
    await setSubjectCompatibility(connection, subject, 'BACKWARD_TRANSITIVE');
    rows.push([
      subject,
      String(await registerSubjectSchema(connection, subject, schema)),
      'BACKWARD_TRANSITIVE',
    ]);
  }
  context.out(renderTextTable(['subject', 'schema id', 'compatibility'], rows));
  return 0;
}

// fetch reports an unreachable registry as "fetch failed" and hides the reason in `cause`.
function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

/** Runs `check` or `register` against the registry at SCHEMA_REGISTRY_URL; resolves to the exit code. */
export async function runContractsCli(argv: readonly string[], context: CliContext): Promise<number> {
  const [command] = argv;
  const baseUrl = context.env['SCHEMA_REGISTRY_URL'];
  if ((command !== 'check' && command !== 'register') || !baseUrl) {
    context.err(USAGE);
    return 2;
  }
  const connection: RegistryConnection = { baseUrl, fetch: context.fetch };
  try {
    return command === 'check' ? await check(connection, context) : await register(connection, context);
  } catch (error) {
    context.err(`contracts ${command} failed: ${describeError(error)}`);
    return 1;
  }
}
