import { accountManagerRoute, fault, startStub, type StubServer } from '../testing/stub-server.test-helper';
import { stubbedOcapi } from '../testing/sfcc-stack.test-helper';
import { createOcapiInventoryReader } from './ocapi-inventory-reader.adapter';

const doc = (id: string, amount: number) => ({
  _type: 'product_inventory_record',
  product_id: id,
  inventory_list_id: 'inv-eu',
  allocation: { amount, reset_date: '2026-11-26T12:00:00.000Z' },
  ats: amount - 1,
  stock_level: amount - 1,
  inventory_turnover: 1,
  perpetual_flag: false,
  last_modified: '2026-11-26T12:00:01.000Z',
});

describe('OCAPI inventory reader', () => {
  const records = ['a', 'b', 'c', 'd', 'e'].map((id, i) => doc(id, i + 2));
  const queries: Array<Record<string, unknown>> = [];
  let stub: StubServer;
  beforeAll(async () => {
    stub = await startStub((app) => {
      accountManagerRoute(app, { issued: 0 });
      const base = '/s/-/dw/data/v24_5/inventory_lists/:list/product_inventory_records';
      app.get(base, (req, res) => {
        queries.push(req.query);
        if (req.params.list !== 'inv-eu')
          return void res.status(404).json(fault('InventoryListNotFoundException', 'no list'));
        const start = Number(req.query['start']);
        const count = Number(req.query['count']);
        res.json({
          _v: '24.5',
          count,
          start,
          total: records.length,
          data: records.slice(start, start + count),
        });
      });
      app.get(`${base}/:id`, (req, res) => {
        const found = records.find((r) => r.product_id === req.params.id);
        if (!found)
          return void res.status(404).json(fault('ProductInventoryRecordNotFoundException', 'none'));
        res.json(found);
      });
    });
  });
  afterAll(() => stub.close());

  it('reads pages with start/count and maps the record fields', async () => {
    const { http, resilience } = stubbedOcapi(stub.url);
    const reader = createOcapiInventoryReader({ http });
    const page = await reader.readPage('inv-eu', 2, 2);
    await resilience.stop();
    expect(queries.at(-1)).toEqual({ start: '2', count: '2' });
    expect(page.total).toBe(5);
    expect(page.records).toEqual([
      {
        inventoryListId: 'inv-eu',
        productId: 'c',
        allocation: 4,
        resetDate: Date.UTC(2026, 10, 26, 12, 0, 0),
        ats: 3,
        stockLevel: 3,
        turnover: 1,
        perpetual: false,
        lastModified: Date.UTC(2026, 10, 26, 12, 0, 1),
      },
      expect.objectContaining({ productId: 'd', allocation: 5 }),
    ]);
  });

  it('reads one record, undefined when it does not exist, and an error naming an unknown list', async () => {
    const { http, resilience } = stubbedOcapi(stub.url);
    const reader = createOcapiInventoryReader({ http });
    expect(await reader.readOne('inv-eu', 'b')).toMatchObject({ productId: 'b', allocation: 3 });
    expect(await reader.readOne('inv-eu', 'zzz')).toBeUndefined();
    await expect(reader.readPage('inv-xx', 0, 10)).rejects.toMatchObject({
      faultType: 'InventoryListNotFoundException',
      retriable: false,
    });
    await resilience.stop();
  });
});
