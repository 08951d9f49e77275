import { Type } from 'avsc';
import { avroLogicalTypes } from './avro-logical-types';
import {
  DecimalValueError,
  formatDecimal,
  fromTwosComplement,
  parseDecimal,
  toTwosComplement,
} from './decimal-codec';

const money = { type: 'bytes', logicalType: 'decimal', precision: 14, scale: 2 } as const;
const moneyType = Type.forSchema(money, { logicalTypes: avroLogicalTypes });
const nullableMoney = Type.forSchema(['null', money], { logicalTypes: avroLogicalTypes });

describe('decimal logical type', () => {
  it.each([
    ['12.34', '12.34'],
    ['0.00', '0.00'],
    ['-0.50', '-0.50'],
    ['-12345.67', '-12345.67'],
    ['999999999999.99', '999999999999.99'],
    ['-999999999999.99', '-999999999999.99'],
    ['12.3', '12.30'],
    ['7', '7.00'],
    ['+1.05', '1.05'],
    ['-0', '0.00'],
    ['000123.40', '123.40'],
  ])('round-trips %s as %s', (input, expected) => {
    expect(moneyType.fromBuffer(moneyType.toBuffer(input))).toBe(expected);
  });

  it('writes the unscaled value as two-complement bytes, as Java and Python readers expect', () => {
    expect(moneyType.toBuffer('1.28')).toEqual(Buffer.from([0x04, 0x00, 0x80]));
    expect(moneyType.toBuffer('-1.28')).toEqual(Buffer.from([0x02, 0x80]));
  });

  it('works inside a nullable union', () => {
    expect(nullableMoney.fromBuffer(nullableMoney.toBuffer('149.97'))).toBe('149.97');
    expect(nullableMoney.fromBuffer(nullableMoney.toBuffer(null))).toBeNull();
  });

  it('rejects more fractional digits than the scale instead of rounding', () => {
    expect(() => moneyType.toBuffer('12.345')).toThrow(DecimalValueError);
    expect(() => moneyType.toBuffer('12.345')).toThrow(/3 fractional digits but the schema's scale is 2/);
  });

  it('rejects values beyond the precision', () => {
    expect(() => moneyType.toBuffer('1000000000000.00')).toThrow(
      /15 significant digits but the schema's precision is 14/,
    );
  });

  it.each([[12.34], ['1e3'], ['12,34'], [''], ['.5'], ['NaN']])('rejects %p with a clear error', (value) => {
    expect(() => moneyType.toBuffer(value)).toThrow(DecimalValueError);
    expect(moneyType.isValid(value)).toBe(false);
  });

  it('exports precision and scale with the schema', () => {
    expect(moneyType.schema({ exportAttrs: true })).toEqual(money);
  });

  it('refuses to resolve data written with another scale', () => {
    const otherScale = Type.forSchema({ ...money, scale: 3 }, { logicalTypes: avroLogicalTypes });
    expect(() => moneyType.createResolver(otherScale)).toThrow();
    const widerPrecision = Type.forSchema({ ...money, precision: 18 }, { logicalTypes: avroLogicalTypes });
    expect(() => widerPrecision.createResolver(moneyType)).not.toThrow();
  });
});

describe('decimal codec', () => {
  it.each([0n, 1n, -1n, 127n, 128n, -128n, -129n, 255n, 256n, 2n ** 63n, -(2n ** 63n) - 1n])(
    'round-trips %p through minimal two-complement bytes',
    (value) => {
      const bytes = toTwosComplement(value);
      expect(fromTwosComplement(bytes)).toBe(value);
      if (bytes.length > 1) {
        // Minimal: the first byte is not redundant sign extension.
        const first = bytes[0] ?? 0;
        const second = bytes[1] ?? 0;
        expect((first === 0x00 && second < 0x80) || (first === 0xff && second >= 0x80)).toBe(false);
      }
    },
  );

  it('reads an empty buffer as zero', () => {
    expect(fromTwosComplement(new Uint8Array())).toBe(0n);
  });

  it('formats with exactly the scale', () => {
    expect(formatDecimal(5n, 2)).toBe('0.05');
    expect(formatDecimal(-5n, 2)).toBe('-0.05');
    expect(formatDecimal(1234n, 0)).toBe('1234');
  });

  it('parses into the unscaled value', () => {
    expect(parseDecimal('-0.05', { precision: 4, scale: 2 })).toBe(-5n);
  });
});
