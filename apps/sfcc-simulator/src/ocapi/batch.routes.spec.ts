import { createSimKit } from '../app/sim-test-kit';
import { buildMultipartMixed, parseMultipartMixed, type MimePart } from './batch-multipart';

async function batch(
  kit: ReturnType<typeof createSimKit>,
  auth: string,
  parts: MimePart[],
  main: Record<string, string> = {},
) {
  const body = buildMultipartMixed(parts);
  const res = await kit
    .http()
    .post('/s/-/dw/batch')
    .set({ Authorization: auth, 'Content-Type': body.contentType, ...main })
    .buffer(true)
    .parse((r, cb) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString()));
      r.on('end', () => cb(null, text));
    })
    .send(body.body);
  return res;
}

const put = (sku: string, amount: number, id = sku): MimePart => ({
  headers: {
    'x-dw-content-id': id,
    'x-dw-resource-path-extension': `${sku}`,
    'content-type': 'application/json',
  },
  body: JSON.stringify({ allocation: { amount, reset_date: '2026-01-01T00:00:00Z' } }),
});

describe('POST /s/-/dw/batch', () => {
  const main = {
    'x-dw-http-method': 'PUT',
    'x-dw-resource-path': '/s/-/dw/data/v24_5/inventory_lists/inventory_webshop/product_inventory_records/',
  };

  it('runs each part as its own call and answers per part, a bad part not failing the rest', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    const override: MimePart = {
      headers: {
        'x-dw-content-id': 'get-other',
        'x-dw-http-method': 'GET',
        'x-dw-resource-path': '/s/-/dw/data/v24_5/inventory_lists/nope/product_inventory_records/X',
      },
      body: '',
    };
    const res = await batch(kit, auth, [put('SKU-1', 4), put('SKU-2', -1), override, put('SKU-3', 0)], main);
    expect(res.status).toBe(200);
    const out = parseMultipartMixed(String(res.headers['content-type']), Buffer.from(res.body as string));
    if (!out.ok) throw new Error(out.message);
    const answers = out.parts.map((p) => [
      p.headers['x-dw-content-id'],
      p.headers['x-dw-status-code'],
      p.body ? JSON.parse(p.body) : undefined,
    ]);
    expect(answers.map(([id, status]) => [id, status])).toEqual([
      ['SKU-1', '200'],
      ['SKU-2', '400'],
      ['get-other', '404'],
      ['SKU-3', '200'],
    ]);
    expect(answers[0]?.[2]).toMatchObject({ product_id: 'SKU-1', allocation: { amount: 4 } });
    expect(answers[1]?.[2]).toMatchObject({ fault: { type: 'PropertyConstraintViolationException' } });
    expect(answers[2]?.[2]).toMatchObject({ fault: { type: 'InventoryListNotFoundException' } });
    const history = kit.state.inventory.history('inventory_webshop', 'SKU-1');
    expect(history.map((h) => h.via)).toEqual(['batch']);
  });

  it('refuses more than 50 parts with QuotaExceededException and writes nothing', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    const parts = Array.from({ length: 51 }, (_, i) => put(`SKU-${i}`, 1));
    const res = await batch(kit, auth, parts, main);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body as string).fault.type).toBe('QuotaExceededException');
    expect(kit.state.inventory.all()).toHaveLength(0);
    expect((await batch(kit, auth, parts.slice(0, 50), main)).status).toBe(200);
    expect(kit.state.inventory.all()).toHaveLength(50);
  });

  it('refuses a body over 5 MB with RequestEntityTooLargeException', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    const big: MimePart = {
      headers: { 'x-dw-content-id': 'big', 'x-dw-resource-path-extension': 'X' },
      body: JSON.stringify({ allocation: { amount: 1 }, pad: 'x'.repeat(5 * 1024 * 1024) }),
    };
    const res = await batch(kit, auth, [big], main);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body as string).fault.type).toBe('RequestEntityTooLargeException');
  });

  it('needs a valid token and a multipart/mixed body', async () => {
    const kit = createSimKit();
    expect((await batch(kit, 'Bearer nope', [put('A', 1)], main)).status).toBe(401);
    const auth = await kit.token();
    const res = await kit
      .http()
      .post('/s/-/dw/batch')
      .set({ Authorization: auth, 'Content-Type': 'application/json' })
      .send('{}');
    expect(res.status).toBe(400);
    expect(res.body.fault.type).toBe('MalformedMediaTypeException');
  });
});
