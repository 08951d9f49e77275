import type { StringInterner } from './string-interner';

// Variable-length byte encoding of table rows: small integers take one byte, epoch milliseconds
// six, so a row costs tens of bytes in a shared buffer instead of a heap object per row and field.

const INT_LIMIT = 2 ** 51;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();
const DIGITS = /^[0-9]{1,15}$/;
// One scratch for float64 bytes: encoding and decoding are synchronous, and a DataView per reader
// would cost an ArrayBuffer per look-up.
const float = new DataView(new ArrayBuffer(8));

/** How `text` stored a string (its first varint). */
const enum Text {
  Null = 0,
  Literal = 1,
  /** A substring of the row's key (start, length): style codes, item codes, sizes. */
  OfKey = 2,
  /** Decimal digits kept as a number (length, value): barcodes. */
  Digits = 3,
  /** An id of a shared dictionary (few distinct values: colours, master ids, list ids). */
  Interned = 4,
}

/** Appends to a reusable scratch buffer; `bytes()` is valid until the next `reset`. */
export class ByteWriter {
  private buf = new Uint8Array(256);
  private pos = 0;

  reset(): this {
    this.pos = 0;
    return this;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** A non-negative integer up to 2^53. */
  uint(v: number): void {
    this.room(8);
    while (v >= 128) {
      this.buf[this.pos++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
  }

  /** Any number: integers zig-zag encoded plus one, anything else 0 and a float64. */
  num(n: number): void {
    if (Number.isSafeInteger(n) && Math.abs(n) < INT_LIMIT) {
      this.uint((n >= 0 ? n * 2 : -n * 2 - 1) + 1);
      return;
    }
    this.uint(0);
    this.room(8);
    float.setFloat64(0, n);
    for (let i = 0; i < 8; i += 1) this.buf[this.pos++] = float.getUint8(i);
  }

  /** A length-prefixed UTF-8 string. */
  str(s: string): void {
    this.room(5 + s.length * 3);
    let ascii = true;
    for (let i = 0; i < s.length && ascii; i += 1) ascii = s.charCodeAt(i) < 128;
    if (ascii) {
      this.uint(s.length);
      for (let i = 0; i < s.length; i += 1) this.buf[this.pos++] = s.charCodeAt(i);
      return;
    }
    const encoded = utf8.encode(s);
    this.uint(encoded.length);
    this.buf.set(encoded, this.pos);
    this.pos += encoded.length;
  }

  /** A string (or null) in its cheapest form: part of the key, digits, a dictionary id or literal. */
  text(s: string | null, key: string, dictionary?: StringInterner): void {
    if (s === null) return this.uint(Text.Null);
    const at = s.length ? key.indexOf(s) : -1;
    if (at >= 0) {
      this.uint(Text.OfKey);
      this.uint(at);
      this.uint(s.length);
    } else if (DIGITS.test(s)) {
      this.uint(Text.Digits);
      this.uint(s.length);
      this.uint(Number(s));
    } else if (dictionary) {
      this.uint(Text.Interned);
      this.uint(dictionary.idOf(s));
    } else {
      this.uint(Text.Literal);
      this.str(s);
    }
  }
}

/** Reads what a {@link ByteWriter} wrote, from `pos` on. */
export class ByteReader {
  pos = 0;

  constructor(public buf: Uint8Array = new Uint8Array(0)) {}

  at(buf: Uint8Array, pos: number): this {
    this.buf = buf;
    this.pos = pos;
    return this;
  }

  uint(): number {
    let v = 0;
    let scale = 1;
    let b: number;
    do {
      b = this.buf[this.pos++] ?? 0;
      v += (b & 127) * scale;
      scale *= 128;
    } while (b & 128);
    return v;
  }

  num(): number {
    const v = this.uint();
    if (v === 0) {
      for (let i = 0; i < 8; i += 1) float.setUint8(i, this.buf[this.pos++] ?? 0);
      return float.getFloat64(0);
    }
    const z = v - 1;
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  str(): string {
    const length = this.uint();
    const start = this.pos;
    this.pos += length;
    const bytes = this.buf.subarray(start, this.pos);
    // fromCharCode takes the bytes as arguments: only for short strings.
    if (bytes.length > 256) return utf8Decoder.decode(bytes);
    for (let i = 0; i < bytes.length; i += 1) {
      if ((bytes[i] ?? 0) >= 128) return utf8Decoder.decode(bytes);
    }
    return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }

  text(key: string, dictionary?: StringInterner): string | null {
    switch (this.uint() as Text) {
      case Text.Null:
        return null;
      case Text.OfKey: {
        const start = this.uint();
        return key.slice(start, start + this.uint());
      }
      case Text.Digits: {
        const length = this.uint();
        return String(this.uint()).padStart(length, '0');
      }
      case Text.Interned:
        return dictionary ? dictionary.valueOf(this.uint()) : String(this.uint());
      default:
        return this.str();
    }
  }

  /** Moves past one `text` value without building the string. */
  skipText(): void {
    switch (this.uint() as Text) {
      case Text.Null:
        return;
      case Text.OfKey:
      case Text.Digits:
        this.uint();
        this.uint();
        return;
      case Text.Interned:
        this.uint();
        return;
      default: {
        const length = this.uint();
        this.pos += length;
      }
    }
  }
}
