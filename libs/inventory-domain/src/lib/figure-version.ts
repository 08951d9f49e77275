/** Identifies how new a WAIR stock figure is: WAIR time first, then WAIR's per-SKU sequence. */
export interface FigureVersion {
  /** WAIR time of the figure, epoch ms. */
  asOf: number;
  /** WAIR per-SKU sequence; breaks ties between figures with the same `asOf`. */
  sourceSequence: number;
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer. */
export function compareVersions(a: FigureVersion, b: FigureVersion): number {
  if (a.asOf !== b.asOf) return a.asOf < b.asOf ? -1 : 1;
  if (a.sourceSequence !== b.sourceSequence) return a.sourceSequence < b.sourceSequence ? -1 : 1;
  return 0;
}

/** True when `a` is strictly newer than `b` (an absent `b` is older than anything). */
export function isNewerVersion(a: FigureVersion, b: FigureVersion | undefined): boolean {
  return b === undefined || compareVersions(a, b) > 0;
}
