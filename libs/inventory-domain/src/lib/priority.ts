/** Drain order of the writer's queue: lower drains first. */
export const PRIORITY = {
  /** The storefront is about to show more than exists: stock-out or drop below the low-stock threshold. */
  SHORTFALL: 0,
  /** Any other change. */
  CHANGE: 1,
  /** From zero back to some stock: lost sales, but no oversell. */
  BACK_IN_STOCK: 2,
  /** Full refresh. */
  FULL_REFRESH: 3,
} as const;

export type PriorityClass = 0 | 1 | 2 | 3;

export const PRIORITY_CLASSES: readonly PriorityClass[] = [0, 1, 2, 3];

/**
 * Class of a delta write, comparing the new allocation with the last one written to SFCC.
 * "Below the threshold" is strict: with a threshold of 5, going from 8 to 4 is class 0, to 5 is not.
 * With nothing written yet, a zero is class 0 (SFCC may show anything) and any other figure class 1.
 */
export function classifyPriority(
  newAllocation: number,
  lastWritten: number | undefined,
  lowStockThreshold: number,
): PriorityClass {
  if (lastWritten === undefined) return newAllocation === 0 ? PRIORITY.SHORTFALL : PRIORITY.CHANGE;
  if (newAllocation < lastWritten && (newAllocation === 0 || newAllocation < lowStockThreshold)) {
    return PRIORITY.SHORTFALL;
  }
  if (lastWritten === 0 && newAllocation > 0) return PRIORITY.BACK_IN_STOCK;
  return PRIORITY.CHANGE;
}
