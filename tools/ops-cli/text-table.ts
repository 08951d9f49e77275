/** A cell as printed; null and undefined print as "-". */
export type Cell = string | number | boolean | null | undefined;

const show = (c: Cell): string => (c === null || c === undefined || c === '' ? '-' : String(c));

/** Longer cells are cut with "…" so one long detail cannot wrap the whole table. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Renders rows as an aligned plain-text table (numbers right-aligned), header underlined; works in
 * any terminal and in logs, without colour codes.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  maxCell = 60,
): string {
  const text = rows.map((r) => headers.map((_, i) => clip(show(r[i]), maxCell).replace(/\s+/g, ' ')));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}

/** A titled section: the title, then the table or "(none)". */
export function section(
  title: string,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  return `${title}\n${rows.length ? renderTable(headers, rows) : '(none)'}\n`;
}

/** Epoch milliseconds as an ISO-8601 UTC time without milliseconds; "-" when unknown. */
export function isoTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
