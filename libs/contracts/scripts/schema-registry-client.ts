// The few Confluent-compatible schema registry calls the contracts CLI needs, over global fetch.
// Works against Confluent Schema Registry and Apicurio's ccompat API (base URL .../apis/ccompat/v7).

/** Content type of the Confluent schema registry API. */
export const REGISTRY_CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/** Where the registry is and how to reach it; `fetch` is injectable for tests. */
export interface RegistryConnection {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:18081/apis/ccompat/v7`. */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
}

/** A registry answer that is neither success nor an expected 404. */
export class SchemaRegistryError extends Error {
  /** Server errors and throttling may pass; a 4xx will not. */
  readonly retriable: boolean;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${url} answered ${status}: ${body.slice(0, 500)}`);
    this.name = 'SchemaRegistryError';
    this.retriable = status >= 500 || status === 429;
  }
}

/** Outcome of testing a schema against the latest version of a subject. */
export type CompatibilityCheck =
  | { readonly subject: string; readonly status: 'new-subject' }
  | { readonly subject: string; readonly status: 'compatible' }
  | { readonly subject: string; readonly status: 'incompatible'; readonly messages: readonly string[] };

async function call(
  connection: RegistryConnection,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; text: string }> {
  const url = `${connection.baseUrl.replace(/\/+$/, '')}${path}`;
  const response = await (connection.fetch ?? fetch)(url, {
    method,
    headers: {
      accept: REGISTRY_CONTENT_TYPE,
      ...(body === undefined ? {} : { 'content-type': REGISTRY_CONTENT_TYPE }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok && response.status !== 404) {
    throw new SchemaRegistryError(method, url, response.status, text);
  }
  return { status: response.status, json, text };
}

function subjectPath(subject: string): string {
  return encodeURIComponent(subject);
}

/**
 * Asks the registry whether `schema` (Avro JSON text) may become the next version of `subject`
 * under the subject's compatibility level. A subject that does not exist yet is reported as new.
 */
export async function checkSubjectCompatibility(
  connection: RegistryConnection,
  subject: string,
  schema: string,
): Promise<CompatibilityCheck> {
  const { status, json } = await call(
    connection,
    'POST',
    `/compatibility/subjects/${subjectPath(subject)}/versions/latest`,
    { schema, schemaType: 'AVRO' },
  );
  if (status === 404) {
    return { subject, status: 'new-subject' };
  }
  const answer = json as { is_compatible?: unknown; messages?: unknown } | undefined;
  if (answer?.is_compatible === true) {
    return { subject, status: 'compatible' };
  }
  const messages = Array.isArray(answer?.messages) ? answer.messages.map(String) : [];
  return { subject, status: 'incompatible', messages };
}

/** Sets the compatibility level of one subject (the registry-wide default may be weaker). */
export async function setSubjectCompatibility(
  connection: RegistryConnection,
  subject: string,
  compatibility: 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE',
): Promise<void> {
  const { status, text } = await call(connection, 'PUT', `/config/${subjectPath(subject)}`, {
    compatibility,
  });
  if (status === 404) {
    throw new SchemaRegistryError('PUT', `/config/${subject}`, status, text);
  }
}

/** Registers `schema` under `subject` (a no-op returning the existing id when already registered). */
export async function registerSubjectSchema(
  connection: RegistryConnection,
  subject: string,
  schema: string,
): Promise<number> {
  const { status, json, text } = await call(
    connection,
    'POST',
    `/subjects/${subjectPath(subject)}/versions`,
    {
      schema,
      schemaType: 'AVRO',
    },
  );
  const id = (json as { id?: unknown } | undefined)?.id;
  if (status === 404 || typeof id !== 'number') {
    throw new SchemaRegistryError('POST', `/subjects/${subject}/versions`, status, text);
  }
  return id;
}

/** Every registered schema of `subject`, oldest first, as JSON text; empty for an unknown subject. */
export async function fetchSubjectSchemas(
  connection: RegistryConnection,
  subject: string,
): Promise<string[]> {
  const versions = await call(connection, 'GET', `/subjects/${subjectPath(subject)}/versions`);
  if (versions.status === 404 || !Array.isArray(versions.json)) {
    return [];
  }
  const schemas: string[] = [];
  for (const version of [...(versions.json as number[])].sort((a, b) => a - b)) {
    const { json, status, text } = await call(
      connection,
      'GET',
      `/subjects/${subjectPath(subject)}/versions/${version}`,
    );
    const schema = (json as { schema?: unknown } | undefined)?.schema;
    if (status === 404 || typeof schema !== 'string') {
      throw new SchemaRegistryError('GET', `/subjects/${subject}/versions/${version}`, status, text);
    }
    schemas.push(schema);
  }
  return schemas;
}
