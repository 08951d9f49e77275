// Prints JSON-compatible values as TypeScript literals in the house style (single quotes, bare keys,
// trailing commas) so generated files read like hand-written ones.

const MAX_WIDTH = 110;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Quotes a string as a TypeScript string literal: single quotes unless that needs more escapes. */
export function quoteTs(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replaceAll(quote, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

function printKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quoteTs(key);
}

/** Prints `value` as a literal whose first line starts at column `indent`. */
export function printTsLiteral(value: unknown, indent = 0): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'string') {
    return quoteTs(value);
  }
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    const items = value.map((item) => printTsLiteral(item, indent + 2));
    const inline = `[${items.join(', ')}]`;
    if (!inline.includes('\n') && indent + inline.length <= MAX_WIDTH) {
      return inline;
    }
    return `[\n${items.map((item) => `${pad}${item},\n`).join('')}${' '.repeat(indent)}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${printKey(key)}: ${printTsLiteral(item, indent + 2)}`,
    );
    if (entries.length === 0) {
      return '{}';
    }
    const inline = `{ ${entries.join(', ')} }`;
    if (!inline.includes('\n') && indent + inline.length <= MAX_WIDTH && entries.length <= 4) {
      return inline;
    }
    return `{\n${entries.map((entry) => `${pad}${entry},\n`).join('')}${' '.repeat(indent)}}`;
  }
  throw new Error(`cannot print ${typeof value} as a TypeScript literal`);
}
