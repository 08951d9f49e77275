import { waitFor } from '@wair-sfcc/kafka/testing';
import { createSimKit, useFakeTimeouts } from '../app/sim-test-kit';
import { parseInventoryXml, INVENTORY_NAMESPACE } from './inventory-xml.parser';

const file = (
  records: string,
  header = '<default-instock>false</default-instock>',
  list = 'inventory_webshop',
) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<inventory xmlns="${INVENTORY_NAMESPACE}"><inventory-list><header list-id="${list}">${header}</header><records>${records}</records></inventory-list></inventory>`;
const rec = (id: string, inner: string, attrs = '') => `<record product-id="${id}"${attrs}>${inner}</record>`;

describe('IMPEX inventory XML', () => {
  it.each([
    ['wrong namespace', file('').replace(INVENTORY_NAMESPACE, 'urn:other'), /namespace/],
    [
      'header without default-instock',
      file(rec('A', '<allocation>1</allocation>'), '<description>x</description>'),
      /default-instock/,
    ],
    [
      'children out of schema order',
      file(rec('A', '<perpetual>false</perpetual><allocation>1</allocation>')),
      /out of schema order/,
    ],
    ['a negative amount', file(rec('A', '<allocation>-1</allocation>')), /decimal >= 0/],
    ['an empty product id', file(rec('', '<allocation>1</allocation>')), /1-100 characters/],
    [
      'a 101-character product id',
      file(rec('X'.repeat(101), '<allocation>1</allocation>')),
      /1-100 characters/,
    ],
    ['surrounding whitespace', file(rec(' A', '<allocation>1</allocation>')), /whitespace/],
    ['an unknown mode', file(rec('A', '<allocation>1</allocation>', ' mode="remove"')), /mode/],
    ['an unknown element', file(rec('A', '<stock>1</stock>')), /unexpected element/],
    ['broken XML', '<inventory><x></inventory>', /well-formed/],
  ])('fails the file on %s', (_name, xml, message) => {
    const parsed = parseInventoryXml(xml);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.violations.map((v) => v.message).join('\n')).toMatch(message);
  });

  it('reads records in schema order, deletions and timestamps', () => {
    const parsed = parseInventoryXml(
      file(
        rec(
          'A',
          '<allocation>5</allocation><allocation-timestamp>2026-01-01T10:00:00.000Z</allocation-timestamp><perpetual>true</perpetual>',
        ) + rec('B', '', ' mode="delete"'),
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      records: [
        {
          listId: 'inventory_webshop',
          productId: 'A',
          delete: false,
          change: { allocation: 5, resetDate: Date.parse('2026-01-01T10:00:00Z'), perpetual: true },
        },
        { listId: 'inventory_webshop', productId: 'B', delete: true, change: {} },
      ],
    });
  });
});

describe('IMPEX upload and job execution', () => {
  const webdav = '/on/demandware.servlet/webdav/Sites/Impex/src/inventory/full.xml';
  const start = (kit: ReturnType<typeof createSimKit>) => kit.data('/jobs/wair-inventory-import/executions');
  const body = {
    parameters: [
      { name: 'ImportFile', value: 'inventory/full.xml' },
      { name: 'ImportMode', value: 'merge' },
    ],
  };

  async function runJob(kit: ReturnType<typeof createSimKit>, auth: string) {
    const started = await kit.http().post(start(kit)).set('Authorization', auth).send(body);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      _type: 'job_execution',
      execution_status: 'pending',
      job_id: 'wair-inventory-import',
    });
    let doc: Record<string, unknown> = {};
    await waitFor(
      'the job to finish',
      async () => {
        doc = (
          await kit
            .http()
            .get(kit.data(`/jobs/wair-inventory-import/executions/${started.body.id}`))
            .set('Authorization', auth)
        ).body;
        return doc['execution_status'] === 'finished';
      },
      5000,
    );
    return doc as { exit_status: { status: string; details: Array<{ productId: string; message: string }> } };
  }

  it('imports an uploaded file asynchronously and reports per-record errors', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    kit.state.inventory.put(
      'inventory_webshop',
      'OLD',
      { allocation: 1, resetDate: Date.parse('2026-02-01T00:00:00Z') },
      'ocapi',
    );
    const xml = file(
      rec(
        'A',
        '<allocation>5</allocation><allocation-timestamp>2026-01-01T10:00:00Z</allocation-timestamp>',
      ) +
        rec(
          'OLD',
          '<allocation>9</allocation><allocation-timestamp>2026-01-01T10:00:00Z</allocation-timestamp>',
        ),
    );
    expect((await kit.http().put(webdav).set('Authorization', auth).send(xml)).status).toBe(201);
    expect((await kit.http().put(webdav).set('Authorization', 'Bearer nope').send(xml)).status).toBe(401);
    const doc = await runJob(kit, auth);
    expect(doc.exit_status.status).toBe('error');
    expect(doc.exit_status.details).toEqual([
      expect.objectContaining({ productId: 'OLD', message: expect.stringContaining('older') }),
    ]);
    expect(kit.state.inventory.get('inventory_webshop', 'A')?.allocation).toBe(5);
    expect(kit.state.inventory.history('inventory_webshop', 'A')[0]?.via).toBe('impex');
    expect(kit.state.inventory.get('inventory_webshop', 'OLD')?.allocation).toBe(1);
  });

  it('fails the whole job on a schema violation and refuses a second start while running', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    await kit
      .http()
      .put(webdav)
      .set('Authorization', auth)
      .send(file(rec('A', '<allocation>1</allocation>') + rec('B ', '<allocation>2</allocation>')));
    await kit.http().put('/__sim/settings').send({ impexMinDurationMs: 200 });
    // Fake timeouts: on a loaded machine the 200 ms hold could end between the two calls.
    useFakeTimeouts();
    const first = await kit.http().post(start(kit)).set('Authorization', auth).send(body);
    const second = await kit.http().post(start(kit)).set('Authorization', auth).send(body);
    expect(second.status).toBe(400);
    expect(second.body.fault.type).toBe('JobAlreadyRunningException');
    jest.advanceTimersByTime(0);
    jest.advanceTimersByTime(200);
    jest.useRealTimers();
    expect(kit.state.jobs.get(first.body.id)?.status).toBe('finished');
    const doc = (
      await kit
        .http()
        .get(kit.data(`/jobs/wair-inventory-import/executions/${first.body.id}`))
        .set('Authorization', auth)
    ).body;
    expect(doc.exit_status).toMatchObject({
      status: 'error',
      details: [expect.objectContaining({ record: 2, message: expect.stringContaining('whitespace') })],
    });
    expect(kit.state.inventory.all()).toHaveLength(0);
  });

  describe('stepped with fake timeouts', () => {
    afterEach(() => jest.useRealTimers());

    const poll = async (kit: ReturnType<typeof createSimKit>, auth: string, id: string) =>
      (
        await kit
          .http()
          .get(kit.data(`/jobs/wair-inventory-import/executions/${id}`))
          .set('Authorization', auth)
      ).body;

    it('reports pending, then running, then finished with exit status ok', async () => {
      const kit = createSimKit();
      const auth = await kit.token();
      await kit
        .http()
        .put(webdav)
        .set('Authorization', auth)
        .send(file(rec('A', '<allocation>5</allocation>') + rec('B', '<allocation>0</allocation>')));
      await kit.http().put('/__sim/settings').send({ impexMinDurationMs: 1000 }).expect(200);
      useFakeTimeouts();
      const started = await kit.http().post(start(kit)).set('Authorization', auth).send(body);
      expect(started.status).toBe(202);
      const id = started.body.id as string;
      expect(await poll(kit, auth, id)).toMatchObject({ execution_status: 'pending', status: 'PENDING' });

      jest.advanceTimersByTime(0);
      const running = await poll(kit, auth, id);
      expect(running).toMatchObject({ execution_status: 'running', status: 'RUNNING' });
      expect(running.exit_status).toBeUndefined();
      expect(running.end_time).toBeUndefined();
      const again = await kit.http().post(start(kit)).set('Authorization', auth).send(body);
      expect([again.status, again.body.fault.type]).toEqual([400, 'JobAlreadyRunningException']);
      jest.advanceTimersByTime(999);
      expect((await poll(kit, auth, id)).execution_status).toBe('running');
      expect(kit.state.inventory.all()).toHaveLength(0);

      jest.advanceTimersByTime(1);
      const finished = await poll(kit, auth, id);
      expect(finished).toMatchObject({
        execution_status: 'finished',
        status: 'OK',
        exit_status: {
          _type: 'status',
          code: 'OK',
          status: 'ok',
          message: 'Imported 2 records, deleted 0.',
          details: [],
        },
        c_records_imported: 2,
        c_records_deleted: 0,
      });
      expect(kit.state.inventory.get('inventory_webshop', 'A')?.allocation).toBe(5);
      expect(kit.state.inventory.get('inventory_webshop', 'B')?.allocation).toBe(0);
    });

    it('removes an existing record named with mode="delete" when the job finishes', async () => {
      const kit = createSimKit();
      const auth = await kit.token();
      for (const id of ['GONE', 'KEEP'])
        kit.state.inventory.put('inventory_webshop', id, { allocation: 2 }, 'ocapi');
      await kit
        .http()
        .put(webdav)
        .set('Authorization', auth)
        .send(file(rec('GONE', '', ' mode="delete"') + rec('NEW', '<allocation>3</allocation>')));
      useFakeTimeouts();
      const started = await kit.http().post(start(kit)).set('Authorization', auth).send(body);
      expect(started.status).toBe(202);
      expect(kit.state.inventory.get('inventory_webshop', 'GONE')).toBeDefined();

      jest.runAllTimers();
      expect(await poll(kit, auth, started.body.id)).toMatchObject({
        execution_status: 'finished',
        exit_status: { code: 'OK', status: 'ok', details: [] },
        c_records_imported: 1,
        c_records_deleted: 1,
      });
      expect(kit.state.inventory.get('inventory_webshop', 'GONE')).toBeUndefined();
      expect(kit.state.inventory.get('inventory_webshop', 'KEEP')?.allocation).toBe(2);
      expect(kit.state.inventory.get('inventory_webshop', 'NEW')?.allocation).toBe(3);
      expect(
        kit.state.inventory.history('inventory_webshop', 'GONE').map((h) => [h.via, h.operation]),
      ).toEqual([
        ['ocapi', 'put'],
        ['impex', 'import-delete'],
      ]);
      const gone = await kit
        .http()
        .get(kit.data('/inventory_lists/inventory_webshop/product_inventory_records/GONE'))
        .set('Authorization', auth);
      expect([gone.status, gone.body.fault.type]).toEqual([404, 'ProductInventoryRecordNotFoundException']);
    });
  });

  it('refuses a missing ImportFile and an unknown job', async () => {
    const kit = createSimKit();
    const auth = await kit.token();
    expect(
      (await kit.http().post(start(kit)).set('Authorization', auth).send({ parameters: [] })).status,
    ).toBe(400);
    const unknown = await kit
      .http()
      .post(kit.data('/jobs/other/executions'))
      .set('Authorization', auth)
      .send(body);
    expect(unknown.status).toBe(404);
    expect(unknown.body.fault.type).toBe('JobNotFoundException');
  });
});
