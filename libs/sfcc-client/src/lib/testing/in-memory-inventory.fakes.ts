import type {
  InventoryImporter,
  InventoryReader,
  InventoryRecordRead,
  InventoryRecordWrite,
  InventoryWriteResult,
  InventoryWriter,
} from '../inventory-writer.port';

/** Decides a record's outcome in a fake; undefined means OK. */
export type OutcomeRule = (write: InventoryRecordWrite) => Omit<InventoryWriteResult, 'write'> | undefined;

/** The fake's store: the latest write per list and product, as SFCC would hold it. */
export type InventoryState = Map<string, InventoryRecordRead>;

const keyOf = (listId: string, productId: string): string => `${listId}\u0000${productId}`;

function applyAll(
  state: InventoryState,
  records: readonly InventoryRecordWrite[],
  rules: OutcomeRule[],
): InventoryWriteResult[] {
  return records.map((write) => {
    const ruled = rules.map((rule) => rule(write)).find((r) => r !== undefined);
    if (ruled) return { ...ruled, write };
    state.set(keyOf(write.inventoryListId, write.productId), {
      inventoryListId: write.inventoryListId,
      productId: write.productId,
      allocation: write.allocation,
      resetDate: write.resetDate,
      ats: write.allocation,
      stockLevel: write.allocation,
      turnover: 0,
      perpetual: false,
      lastModified: Date.now(),
    });
    return { write, status: 'OK', httpStatus: 200, retriable: false };
  });
}

/** An InventoryWriter that keeps every call; outcomes can be injected per record or per call. */
export interface InMemoryInventoryWriter extends InventoryWriter {
  /** Every `write` call's records, in order. */
  calls: InventoryRecordWrite[][];
  state: InventoryState;
  /** Adds a rule deciding outcomes (first rule that answers wins; none → OK and stored). */
  setOutcome(rule: OutcomeRule): void;
  /** Makes the next `n` calls reject as a whole (e.g. a retriable transport error). */
  failNextCalls(n: number, error: Error): void;
}

export function createInMemoryInventoryWriter(state: InventoryState = new Map()): InMemoryInventoryWriter {
  const rules: OutcomeRule[] = [];
  let failures = 0;
  let failure = new Error('injected failure');
  const calls: InventoryRecordWrite[][] = [];
  return {
    calls,
    state,
    setOutcome: (rule) => void rules.push(rule),
    failNextCalls(n, error) {
      failures = n;
      failure = error;
    },
    async write(records) {
      calls.push([...records]);
      if (failures > 0) {
        failures -= 1;
        throw failure;
      }
      return applyAll(state, records, rules);
    },
  };
}

/** An InventoryImporter that applies every list in one go; outcomes injectable like the writer's. */
export interface InMemoryInventoryImporter extends InventoryImporter {
  imports: Array<{ inventoryListId: string; records: InventoryRecordWrite[] }>;
  state: InventoryState;
  setOutcome(rule: OutcomeRule): void;
}

export function createInMemoryInventoryImporter(
  state: InventoryState = new Map(),
): InMemoryInventoryImporter {
  const rules: OutcomeRule[] = [];
  const imports: InMemoryInventoryImporter['imports'] = [];
  return {
    imports,
    state,
    setOutcome: (rule) => void rules.push(rule),
    async importList(inventoryListId, records) {
      imports.push({ inventoryListId, records: [...records] });
      return applyAll(state, records, rules);
    },
  };
}

/** An InventoryReader over a fake's state (share the state with the writer/importer fakes). */
export function createInMemoryInventoryReader(state: InventoryState = new Map()): InventoryReader & {
  state: InventoryState;
} {
  const ofList = (listId: string): InventoryRecordRead[] =>
    [...state.values()]
      .filter((r) => r.inventoryListId === listId)
      .sort((a, b) => a.productId.localeCompare(b.productId));
  return {
    state,
    async readPage(listId, start, count) {
      const all = ofList(listId);
      return { records: all.slice(start, start + count), total: all.length };
    },
    async readOne(listId, productId) {
      return state.get(keyOf(listId, productId));
    },
  };
}
