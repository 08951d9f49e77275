import { pairKey, type SfccWrite } from './inventory-model';
import type { SfccSimClient } from './simulator-clients';

/**
 * Follows the SFCC simulator's write history: every write seen so far (for latencies) and the
 * record each (list, SKU) holds now (for correctness), read incrementally by sequence number.
 */
export function createSfccWriteLog(client: SfccSimClient) {
  const all: SfccWrite[] = [];
  const held = new Map<string, { allocation?: number; resetDate?: number }>();
  let lastSeq = 0;
  let reading: Promise<void> | undefined;

  async function read(): Promise<void> {
    const writes = await client.writesSince(lastSeq);
    for (const w of writes) {
      all.push(w);
      held.set(pairKey(w.listId, w.productId), { allocation: w.allocation, resetDate: w.resetDate });
      lastSeq = Math.max(lastSeq, w.seq);
    }
  }

  return {
    held,
    /** Reads what was written since the last read (one read at a time). */
    async poll(): Promise<void> {
      reading ??= read().finally(() => (reading = undefined));
      await reading;
    },
    lastSeq: () => lastSeq,
    /** Writes with a sequence number above `seq`, in order. */
    since: (seq: number): SfccWrite[] => all.filter((w) => w.seq > seq),
  };
}

export type SfccWriteLog = ReturnType<typeof createSfccWriteLog>;
