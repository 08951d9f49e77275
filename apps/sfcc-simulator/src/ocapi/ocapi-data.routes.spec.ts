import { createSimKit } from '../app/sim-test-kit';

const RESET = '2026-01-01T00:00:00.000Z';

describe('OCAPI Data API inventory records', () => {
  const record = '/inventory_lists/inventory_webshop/product_inventory_records/ST10000-BLK-S';

  it('PUT creates, GET reads the full document, DELETE removes', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    const put = await kit
      .http()
      .put(kit.data(record))
      .set('Authorization', auth)
      .send({ allocation: { amount: 12, reset_date: RESET } });
    expect(put.status).toBe(200);
    const get = await kit.http().get(kit.data(record)).set('Authorization', auth);
    expect(get.status).toBe(200);
    expect(get.body).toEqual({
      _v: '24.5',
      _type: 'product_inventory_record',
      allocation: { _type: 'product_inventory_record_allocation', amount: 12, reset_date: RESET },
      ats: 12,
      creation_date: expect.any(String),
      inventory_list_id: 'inventory_webshop',
      inventory_turnover: 0,
      last_modified: expect.any(String),
      perpetual_flag: false,
      pre_order_back_order_allocation: 0,
      pre_order_back_order_handling: 'none',
      product_id: 'ST10000-BLK-S',
      quantity_on_order: 0,
      stock_level: 12,
    });
    expect((await kit.http().delete(kit.data(record)).set('Authorization', auth)).status).toBe(204);
    expect((await kit.http().get(kit.data(record)).set('Authorization', auth)).body.fault.type).toBe(
      'ProductInventoryRecordNotFoundException',
    );
  });

  it.each([
    [
      'PATCH of a missing record',
      'patch',
      record,
      { allocation: { amount: 1 } },
      404,
      'ProductInventoryRecordNotFoundException',
    ],
    [
      'an unknown list',
      'put',
      '/inventory_lists/nope/product_inventory_records/X',
      { allocation: { amount: 1 } },
      404,
      'InventoryListNotFoundException',
    ],
    [
      'a negative amount',
      'put',
      record,
      { allocation: { amount: -3 } },
      400,
      'PropertyConstraintViolationException',
    ],
    [
      'a wrongly typed amount',
      'put',
      record,
      { allocation: { amount: 'ten' } },
      400,
      'PropertyConstraintViolationException',
    ],
    ['an unknown resource', 'get', '/catalogs/x', undefined, 404, 'ResourcePathNotFoundException'],
  ] as const)('answers %s with the OCAPI fault', async (_name, method, path, body, status, type) => {
    const kit = createSimKit();
    const auth = await kit.token();
    const res = await kit.http()[method](kit.data(path)).set('Authorization', auth).send(body);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      _v: '24.5',
      fault: expect.objectContaining({ type, message: expect.any(String) }),
    });
  });

  it('rejects an older reset_date with 400 and keeps the newer figure', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    await kit
      .http()
      .put(kit.data(record))
      .set('Authorization', auth)
      .send({ allocation: { amount: 5, reset_date: '2026-01-01T10:00:00Z' } });
    const older = await kit
      .http()
      .put(kit.data(record))
      .set('Authorization', auth)
      .send({ allocation: { amount: 9, reset_date: '2026-01-01T09:00:00Z' } });
    expect(older.status).toBe(400);
    expect(older.body.fault.arguments).toEqual({ property: 'allocation.reset_date' });
    expect((await kit.http().get(kit.data(record)).set('Authorization', auth)).body.allocation.amount).toBe(
      5,
    );
  });

  it('subtracts storefront orders placed after the reset date', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    await kit
      .http()
      .put(kit.data(record))
      .set('Authorization', auth)
      .send({ allocation: { amount: 5, reset_date: RESET } });
    kit.advance(1000);
    const order = await kit
      .http()
      .post('/__sim/orders')
      .send({ lines: [{ productId: 'ST10000-BLK-S', quantity: 2 }] });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({
      exportStatus: 'ready',
      productItems: [{ productId: 'ST10000-BLK-S', quantity: 2, inventoryListId: 'inventory_webshop' }],
    });
    const doc = (await kit.http().get(kit.data(record)).set('Authorization', auth)).body;
    expect(doc).toMatchObject({ ats: 3, stock_level: 3, inventory_turnover: 2 });
    const tooMany = await kit
      .http()
      .post('/__sim/orders')
      .send({ lines: [{ productId: 'ST10000-BLK-S', quantity: 4 }] });
    expect(tooMany.status).toBe(409);
  });

  it('reports a perpetual record as in stock: orders show in turnover but do not lower ats', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    await kit
      .http()
      .put(kit.data(record))
      .set('Authorization', auth)
      .send({
        allocation: { amount: 2, reset_date: RESET },
        perpetual_flag: true,
        pre_order_back_order_allocation: 1,
      });
    kit.advance(1000);
    const order = await kit
      .http()
      .post('/__sim/orders')
      .send({ lines: [{ productId: 'ST10000-BLK-S', quantity: 7 }] });
    expect(order.status).toBe(201);
    expect(order.body.oversold).toBe(false);
    const doc = (await kit.http().get(kit.data(record)).set('Authorization', auth)).body;
    expect(doc).toMatchObject({ perpetual_flag: true, ats: 3, stock_level: 2, inventory_turnover: 7 });
  });

  it('pages records with the OCAPI envelope', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    for (const id of ['A1', 'A2', 'A3']) {
      await kit
        .http()
        .put(kit.data(`/inventory_lists/inventory_stores/product_inventory_records/${id}`))
        .set('Authorization', auth)
        .send({ allocation: { amount: 1 } });
    }
    const first = await kit
      .http()
      .get(kit.data('/inventory_lists/inventory_stores/product_inventory_records?start=0&count=2'))
      .set('Authorization', auth);
    expect(first.body).toMatchObject({
      _v: '24.5',
      count: 2,
      start: 0,
      total: 3,
      next: expect.stringContaining('start=2&count=2'),
    });
    expect(first.body.data.map((d: { product_id: string }) => d.product_id)).toEqual(['A1', 'A2']);
    const last = await kit
      .http()
      .get(kit.data('/inventory_lists/inventory_stores/product_inventory_records?start=2&count=2'))
      .set('Authorization', auth);
    expect(last.body).toMatchObject({ count: 1, start: 2, total: 3 });
    expect(last.body.next).toBeUndefined();
  });

  it('rejects unknown product ids only when the setting says so', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    const path = kit.data('/inventory_lists/inventory_webshop/product_inventory_records/NOT-IN-CATALOG');
    expect(
      (
        await kit
          .http()
          .put(path)
          .set('Authorization', auth)
          .send({ allocation: { amount: 1 } })
      ).status,
    ).toBe(200);
    await kit.http().put('/__sim/settings').send({ rejectUnknownProducts: true });
    const other = kit.data('/inventory_lists/inventory_webshop/product_inventory_records/ALSO-NOT');
    const res = await kit
      .http()
      .put(other)
      .set('Authorization', auth)
      .send({ allocation: { amount: 1 } });
    expect(res.status).toBe(404);
    expect(res.body.fault.type).toBe('ProductNotFoundException');
  });

  it('serves only the configured version and needs a token', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    expect((await kit.http().get(`/s/-/dw/data/v19_1${record}`).set('Authorization', auth)).status).toBe(404);
    const none = await kit.http().get(kit.data(record));
    expect(none.status).toBe(401);
  });
});
