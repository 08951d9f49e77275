import { ByteReader, ByteWriter } from './byte-codec';
import { StringInterner } from './string-interner';

const roundTrip = <T>(
  write: (w: ByteWriter) => void,
  read: (r: ByteReader) => T,
): { value: T; bytes: number } => {
  const w = new ByteWriter();
  write(w);
  const bytes = w.bytes().slice();
  const r = new ByteReader(bytes);
  const value = read(r);
  expect(r.pos).toBe(bytes.length);
  return { value, bytes: bytes.length };
};

describe('byte codec', () => {
  it('keeps every number exactly, small integers in one byte', () => {
    const numbers = [
      0,
      1,
      -1,
      31,
      -32,
      63,
      1_700_000_000_123,
      -1_700_000_000_123,
      2 ** 53 - 1,
      -(2 ** 53),
      0.5,
      -1e-9,
      1e300,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ];
    const { value } = roundTrip(
      (w) => numbers.forEach((n) => w.num(n)),
      (r) => numbers.map(() => r.num()),
    );
    expect(value).toEqual(numbers);
    expect(
      roundTrip(
        (w) => w.num(-7),
        (r) => r.num(),
      ).bytes,
    ).toBe(1);
    expect(
      roundTrip(
        (w) => w.num(1_700_000_000_123),
        (r) => r.num(),
      ).bytes,
    ).toBe(6);
  });

  it('keeps strings: part of the key, digits with leading zeros, dictionary ids, non-ASCII, null', () => {
    const dictionary = new StringInterner();
    const key = 'STYLE000123-XL';
    const texts = [
      'STYLE000123',
      'XL',
      key,
      '0012345',
      '5000000000001',
      'Black',
      'Schwarz/Weiß ✓',
      '',
      null,
      '1234567890123456',
    ];
    const { value } = roundTrip(
      (w) => texts.forEach((t) => w.text(t, key, dictionary)),
      (r) => texts.map(() => r.text(key, dictionary)),
    );
    expect(value).toEqual(texts);
    expect(
      roundTrip(
        (w) => w.str('añb'),
        (r) => r.str(),
      ).value,
    ).toBe('añb');
    // The part of the key costs its position, not its characters.
    expect(
      roundTrip(
        (w) => w.text('STYLE000123', key),
        (r) => r.text(key),
      ).bytes,
    ).toBe(3);
  });

  it('skips a text without reading it', () => {
    const dictionary = new StringInterner();
    const { value } = roundTrip(
      (w) => {
        for (const t of [null, 'AB', '007', 'lit', 'x y'])
          w.text(t, 'ZAB', t === 'x y' ? dictionary : undefined);
        w.uint(300);
      },
      (r) => {
        for (let i = 0; i < 5; i += 1) r.skipText();
        return r.uint();
      },
    );
    expect(value).toBe(300);
  });
});
