// Avro `decimal` values are two's-complement big-endian integers holding the unscaled value; the
// scale lives in the schema. BigInt keeps every digit exact: money must never pass through a float.

/** Precision and scale of an Avro decimal, as declared in its schema. */
export interface DecimalSpec {
  /** Maximum number of significant digits (before and after the point together). */
  readonly precision: number;
  /** Number of digits after the decimal point. */
  readonly scale: number;
}

/** Raised when a value cannot be represented as the decimal its schema declares. */
export class DecimalValueError extends Error {
  /** The same value will fail again: retrying cannot help. */
  readonly retriable = false;

  constructor(message: string) {
    super(message);
    this.name = 'DecimalValueError';
  }
}

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string such as `"12.34"` or `"-0.5"` into its unscaled integer for `spec`.
 * Fewer fractional digits than the scale are padded; more are rejected rather than rounded, and
 * so is anything with more significant digits than the precision allows.
 */
export function parseDecimal(value: unknown, spec: DecimalSpec): bigint {
  if (typeof value !== 'string') {
    throw new DecimalValueError(
      `decimal(${spec.precision},${spec.scale}) expects a string such as "12.34", got ${typeof value}`,
    );
  }
  const match = DECIMAL_PATTERN.exec(value);
  if (!match) {
    throw new DecimalValueError(`"${value}" is not a plain decimal number (expected e.g. "12.34")`);
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > spec.scale) {
    throw new DecimalValueError(
      `"${value}" has ${fraction.length} fractional digits but the schema's scale is ${spec.scale}; round it first`,
    );
  }
  const digits = (whole + fraction.padEnd(spec.scale, '0')).replace(/^0+(?=\d)/, '');
  if (digits !== '0' && digits.length > spec.precision) {
    throw new DecimalValueError(
      `"${value}" needs ${digits.length} significant digits but the schema's precision is ${spec.precision}`,
    );
  }
  const unscaled = BigInt(digits);
  return sign === '-' ? -unscaled : unscaled;
}

/** Formats an unscaled integer as a decimal string with exactly `scale` fractional digits. */
export function formatDecimal(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Encodes an integer as minimal two's-complement big-endian bytes (as Java's BigInteger does). */
export function toTwosComplement(value: bigint): Buffer {
  let byteLength = 1;
  while (value < -(1n << BigInt(8 * byteLength - 1)) || value >= 1n << BigInt(8 * byteLength - 1)) {
    byteLength += 1;
  }
  let bits = value < 0n ? (1n << BigInt(8 * byteLength)) + value : value;
  const bytes = Buffer.alloc(byteLength);
  for (let i = byteLength - 1; i >= 0; i -= 1) {
    bytes[i] = Number(bits & 0xffn);
    bits >>= 8n;
  }
  return bytes;
}

/** Decodes two's-complement big-endian bytes; an empty buffer is zero. */
export function fromTwosComplement(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) {
    value = (value << 8n) | BigInt(byte);
  }
  const first = bytes[0];
  if (first !== undefined && first >= 0x80) {
    value -= 1n << BigInt(8 * bytes.length);
  }
  return value;
}
