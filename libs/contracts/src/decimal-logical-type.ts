import { Type, types } from 'avsc';
import {
  DecimalValueError,
  formatDecimal,
  fromTwosComplement,
  parseDecimal,
  toTwosComplement,
} from './decimal-codec';

type AvscSchema = Parameters<typeof Type.forSchema>[0];
type DecimalAttrs = { type?: unknown; precision?: unknown; scale?: unknown };

/**
 * avsc logical type for Avro `decimal` over `bytes`: application code sees a decimal string with
 * exactly `scale` fractional digits (e.g. `"12.30"`), the wire carries the unscaled two's-complement
 * integer. Writing a value with too many fractional or significant digits throws
 * {@link DecimalValueError} instead of silently rounding.
 */
export class DecimalLogicalType extends types.LogicalType {
  /** Maximum significant digits, from the schema. */
  readonly precision: number;
  /** Fractional digits, from the schema (0 when absent, as the Avro spec says). */
  readonly scale: number;

  constructor(schema: AvscSchema, opts?: unknown) {
    super(schema, opts);
    const { type, precision, scale = 0 } = schema as DecimalAttrs;
    if (type !== 'bytes') {
      throw new DecimalValueError(`decimal is only supported over bytes here, not ${JSON.stringify(type)}`);
    }
    if (typeof precision !== 'number' || !Number.isInteger(precision) || precision < 1) {
      throw new DecimalValueError(`decimal precision must be a positive integer, got ${String(precision)}`);
    }
    if (typeof scale !== 'number' || !Number.isInteger(scale) || scale < 0 || scale > precision) {
      throw new DecimalValueError(
        `decimal scale must be an integer in 0..${precision}, got ${String(scale)}`,
      );
    }
    this.precision = precision;
    this.scale = scale;
  }

  protected override _fromValue(value: Buffer): string {
    return formatDecimal(fromTwosComplement(value), this.scale);
  }

  protected override _toValue(value: unknown): Buffer {
    return toTwosComplement(parseDecimal(value, this));
  }

  // Reading across a scale change would shift every value by a power of ten, so only a writer
  // with the same scale and no larger precision resolves; anything else fails schema resolution.
  protected override _resolve(writer: Type): ((value: string) => string) | undefined {
    if (
      writer instanceof DecimalLogicalType &&
      writer.scale === this.scale &&
      writer.precision <= this.precision
    ) {
      return (value) => value;
    }
    return undefined;
  }

  protected override _export(attrs: AvscSchema): void {
    Object.assign(attrs, { precision: this.precision, scale: this.scale });
  }
}
