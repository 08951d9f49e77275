import {
  createInMemoryInventoryImporter,
  createInMemoryInventoryReader,
  createInMemoryInventoryWriter,
  type InventoryState,
} from './in-memory-inventory.fakes';

const rec = (productId: string, allocation: number) => ({
  inventoryListId: 'L',
  productId,
  allocation,
  resetDate: 1000,
});

describe('in-memory SFCC inventory fakes', () => {
  it('records writes, applies injected outcomes per record, and shares state with the reader', async () => {
    const state: InventoryState = new Map();
    const writer = createInMemoryInventoryWriter(state);
    const reader = createInMemoryInventoryReader(state);
    writer.setOutcome((w) =>
      w.productId === 'BAD'
        ? { status: 'REJECTED', faultType: 'PropertyConstraintViolationException', retriable: false }
        : undefined,
    );
    const results = await writer.write([rec('A', 2), rec('BAD', 1)]);
    expect(results.map((r) => r.status)).toEqual(['OK', 'REJECTED']);
    expect(writer.calls).toHaveLength(1);
    expect(await reader.readOne('L', 'A')).toMatchObject({ allocation: 2, resetDate: 1000 });
    expect(await reader.readOne('L', 'BAD')).toBeUndefined();
    expect((await reader.readPage('L', 0, 10)).total).toBe(1);
  });

  it('fails whole calls on demand', async () => {
    const writer = createInMemoryInventoryWriter();
    writer.failNextCalls(1, Object.assign(new Error('down'), { retriable: true }));
    await expect(writer.write([rec('A', 1)])).rejects.toThrow('down');
    await expect(writer.write([rec('A', 1)])).resolves.toHaveLength(1);
  });

  it('imports lists and keeps what was imported', async () => {
    const importer = createInMemoryInventoryImporter();
    const results = await importer.importList('L', [rec('A', 1), rec('B', 0)]);
    expect(results.every((r) => r.status === 'OK')).toBe(true);
    expect(importer.imports[0]?.records).toHaveLength(2);
    expect(importer.state.size).toBe(2);
  });
});
