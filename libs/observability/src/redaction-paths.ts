/** What a redacted value is replaced with in the log output. */
export const REDACTED = '[redacted]';

/**
 * Keys whose values are credentials. Header names appear in both spellings because plain objects
 * (unlike Node's `IncomingMessage.headers`) keep the caller's casing.
 */
export const SECRET_KEYS: readonly string[] = [
  'password',
  'passwd',
  'secret',
  'clientSecret',
  'client_secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'apiKey',
  'api_key',
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'x-api-key',
];

/**
 * Keys that hold personal data. Whole customer/address objects are hidden rather than their name
 * fields one by one, because SFCC adds fields to them (title, suffix, company, ...) over time.
 */
export const PERSONAL_KEYS: readonly string[] = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'fullName',
  'customerName',
  'customerInfo',
  'billingAddress',
  'shippingAddress',
];

/**
 * How many object levels above a key are searched. pino's wildcard paths match exactly one level
 * each and every extra level costs a few µs per log call, so 3 covers the shapes we log
 * (`req.headers.authorization`, `order.shipments.0.shippingAddress`, `sasl.password`) without
 * paying for arbitrary depth. Data nested deeper is not redacted: log the fields you need instead.
 */
export const REDACT_MAX_PARENT_LEVELS = 3;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function pathFor(key: string, parentLevels: number): string {
  const parents = Array.from({ length: parentLevels }, () => '*').join('.');
  // Header names such as `set-cookie` are not identifiers and need bracket notation.
  if (!IDENTIFIER.test(key)) return `${parents}["${key}"]`;
  return parents ? `${parents}.${key}` : key;
}

/**
 * Builds pino `redact` paths that hide each key at the top level and under up to `parentLevels`
 * wildcard levels, e.g. `password`, `*.password`, `*.*.password`, `*.*.*.password`.
 */
export function buildRedactPaths(
  keys: readonly string[],
  parentLevels: number = REDACT_MAX_PARENT_LEVELS,
): string[] {
  return keys.flatMap((key) => Array.from({ length: parentLevels + 1 }, (_, level) => pathFor(key, level)));
}

/** The default redaction paths used by `createLogger`. */
export const DEFAULT_REDACT_PATHS: readonly string[] = buildRedactPaths([...SECRET_KEYS, ...PERSONAL_KEYS]);
