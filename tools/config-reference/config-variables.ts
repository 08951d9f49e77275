import { z, type ZodObject, type ZodType } from 'zod';

/** One environment variable as the reference documents it. */
export interface ConfigVariable {
  readonly name: string;
  /** True when the app refuses to start without it (no default, not optional). */
  readonly required: boolean;
  /** The default as the app sees it after parsing, rendered as text; undefined when there is none. */
  readonly defaultValue: string | undefined;
  /** Type or allowed values of the raw environment string, e.g. `integer 0-65535`. */
  readonly type: string;
  readonly description: string;
  /** Holds a credential: its value must come from a secret store and never be logged. */
  readonly secret: boolean;
  /** Declared by the schema every app extends (same name and meaning in every app). */
  readonly shared: boolean;
}

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY/;
// `*_FILE` variables hold the path of a mounted file (e.g. KAFKA_SSL_KEY_FILE): the file may be a
// credential, the path is plain configuration.
const FILE_PATH_NAME = /_FILE$/;

/** Whether a variable holds a credential, judged by its name. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !FILE_PATH_NAME.test(name);
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  description?: string;
  anyOf?: JsonSchema[];
};

// Bounds as wide as a JS number can go say nothing to a reader.
const meaningful = (bound: number | undefined) =>
  bound !== undefined && Math.abs(bound) < Number.MAX_SAFE_INTEGER ? bound : undefined;

/** Describes the raw environment string a schema accepts, from its input-side JSON Schema. */
function describeType(json: JsonSchema): string {
  if (json.anyOf) {
    return json.anyOf.map(describeType).join(' or ');
  }
  if (json.enum) {
    return `one of ${json.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  }
  if (json.type === 'integer' || json.type === 'number') {
    const min = meaningful(json.minimum);
    const max = meaningful(json.maximum);
    const range =
      min !== undefined && max !== undefined
        ? ` ${min}-${max}`
        : min !== undefined
          ? ` >= ${min}`
          : max !== undefined
            ? ` <= ${max}`
            : '';
    return `${json.type}${range}`;
  }
  if (json.type === 'string') {
    if (json.format === 'uri') {
      return 'URL';
    }
    return json.minLength !== undefined && json.minLength > 0 ? 'non-empty string' : 'string';
  }
  if (json.type === 'boolean') {
    return 'boolean';
  }
  return 'string';
}

function renderDefault(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Peels the wrappers off a field: `.optional()` makes it not required, `.default(v)` gives it a
 * default, `.transform()` is read from its input side; the first description found, outermost first, wins.
 */
function unwrap(field: ZodType): {
  inner: ZodType;
  optional: boolean;
  defaultValue: unknown;
  description?: string;
} {
  let current = field;
  let optional = false;
  let defaultValue: unknown = undefined;
  let description = current.description;
  for (;;) {
    if (current instanceof z.ZodOptional) {
      optional = true;
      current = current.unwrap() as ZodType;
    } else if (current instanceof z.ZodDefault) {
      defaultValue = current.def.defaultValue;
      current = current.unwrap() as ZodType;
    } else if (current instanceof z.ZodPipe) {
      // `.transform()`: the environment supplies the pipe's input side.
      current = current.def.in as ZodType;
    } else {
      break;
    }
    description ??= current.description;
  }
  return { inner: current, optional, defaultValue, description };
}

/** The documented variables of a config schema, in the schema's key order. */
export function describeVariables(schema: ZodObject, sharedNames: ReadonlySet<string>): ConfigVariable[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { inner, optional, defaultValue, description } = unwrap(field as ZodType);
    const json = z.toJSONSchema(inner, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    return {
      name,
      required: !optional && defaultValue === undefined,
      defaultValue: defaultValue === undefined ? undefined : renderDefault(defaultValue),
      type: describeType(json),
      description: description ?? json.description ?? '',
      secret: isSecretName(name),
      shared: sharedNames.has(name),
    };
  });
}
