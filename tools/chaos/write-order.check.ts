import type { SfccWriteEntry } from './sim-control';

export interface WriteOrderResult {
  writes: number;
  /** Accepted writes whose reset date is older than the one the record already had. */
  regressions: Array<{ pair: string; seq: number; resetDate: string; previous: string }>;
}

/**
 * Invariant (d), from SFCC's write history: per (list, SKU), every accepted allocation write
 * carries a reset date (= the WAIR time of its figure) at or after the previous one's, so no
 * older figure ever replaced a newer one.
 */
export function checkWriteOrder(writes: readonly SfccWriteEntry[]): WriteOrderResult {
  const last = new Map<string, { at: number; text: string }>();
  const regressions: WriteOrderResult['regressions'] = [];
  let counted = 0;
  for (const w of [...writes].sort((a, b) => a.seq - b.seq)) {
    if (w.resetDate === undefined) continue;
    counted += 1;
    const pair = `${w.listId}/${w.productId}`;
    const at = Date.parse(w.resetDate);
    const previous = last.get(pair);
    if (previous && at < previous.at)
      regressions.push({ pair, seq: w.seq, resetDate: w.resetDate, previous: previous.text });
    if (!previous || at >= previous.at) last.set(pair, { at, text: w.resetDate });
  }
  return { writes: counted, regressions };
}
