import express from 'express';
import { XMLParser } from 'fast-xml-parser';
import type { InventoryRecordWrite } from '../inventory-writer.port';
import { accountManagerRoute, fault, startStub, type StubServer } from '../testing/stub-server.test-helper';
import { stubbedOcapi } from '../testing/sfcc-stack.test-helper';
import { createImpexInventoryImporter } from './impex-inventory-importer.adapter';
import { INVENTORY_XML_NAMESPACE } from './inventory-xml.builder';

const rec = (productId: string, allocation: number): InventoryRecordWrite => ({
  inventoryListId: 'inv-eu',
  productId,
  allocation,
  resetDate: Date.UTC(2026, 10, 26, 12, 0, 0),
});

interface Execution {
  id: string;
  execution_status: string;
  exit_status?: object;
}

describe('IMPEX inventory importer', () => {
  const files = new Map<string, string>();
  const starts: Array<{ parameters: Array<{ name: string; value: string }> }> = [];
  let busyAnswers = 0;
  let polls = 0;
  /** Decides the finished execution for a stored file. */
  let finish: (xml: string) => object = () => ({ status: 'ok', code: 'OK' });
  const executions = new Map<string, { xml: string; pollsLeft: number }>();
  let stub: StubServer;

  beforeAll(async () => {
    stub = await startStub((app) => {
      accountManagerRoute(app, { issued: 0 });
      app.put(
        '/on/demandware.servlet/webdav/Sites/Impex/src/*path',
        express.text({ type: '*/*', limit: '50mb' }),
        (req, res) => {
          files.set((req.params as { path: string[] }).path.join('/'), req.body as string);
          res.status(201).end();
        },
      );
      const jobs = '/s/-/dw/data/v24_5/jobs/wair-inventory-import/executions';
      app.post(jobs, express.json(), (req, res) => {
        if (busyAnswers > 0) {
          busyAnswers -= 1;
          return void res.status(400).json(fault('JobAlreadyRunningException', 'running'));
        }
        starts.push(req.body);
        const id = String(executions.size + 1);
        const file = (req.body as (typeof starts)[number]).parameters[0]?.value ?? '';
        executions.set(id, { xml: files.get(file) ?? '', pollsLeft: 2 });
        res.status(202).json({ id, execution_status: 'pending' } satisfies Execution);
      });
      app.get(`${jobs}/:id`, (req, res) => {
        polls += 1;
        const e = executions.get(req.params.id);
        if (!e) return void res.status(404).json(fault('JobExecutionNotFoundException', 'none'));
        e.pollsLeft -= 1;
        if (e.pollsLeft > 0) return void res.json({ id: req.params.id, execution_status: 'running' });
        res.json({ id: req.params.id, execution_status: 'finished', exit_status: finish(e.xml) });
      });
    });
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    files.clear();
    starts.length = 0;
    executions.clear();
    busyAnswers = 0;
    polls = 0;
    finish = () => ({ status: 'ok', code: 'OK' });
  });

  const build = (recordsPerFile = 1000) => {
    const { http, resilience } = stubbedOcapi(stub.url);
    const waits: number[] = [];
    const importer = createImpexInventoryImporter({
      http,
      recordsPerFile,
      pollIntervalMs: 500,
      sleep: async (ms) => void waits.push(ms),
    });
    return { importer, resilience, waits };
  };

  it('uploads schema-ordered inventory XML, starts the job with the file and polls it to finished', async () => {
    const { importer, resilience, waits } = build();
    const results = await importer.importList('inv-eu', [rec('a', 3), rec('b&c', 0)]);
    await resilience.stop();
    expect(results.map((r) => [r.write.productId, r.status])).toEqual([
      ['a', 'OK'],
      ['b&c', 'OK'],
    ]);
    const [[path, xml] = ['', '']] = [...files];
    expect(starts).toEqual([{ parameters: [{ name: 'ImportFile', value: path }] }]);
    expect(path).toMatch(/^inventory\/wair-inventory-inv-eu-\d+-1\.xml$/);
    expect(xml).toContain(`<inventory xmlns="${INVENTORY_XML_NAMESPACE}">`);
    expect(xml.replace(/\s+/g, '')).toContain(
      '<headerlist-id="inv-eu"><default-instock>false</default-instock></header>'.replace(/\s+/g, ''),
    );
    const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(xml) as unknown;
    expect(JSON.stringify(parsed)).toMatch(
      /"allocation":\[\{"#text":3\}\]\},\{"allocation-timestamp":\[\{"#text":"2026-11-26T12:00:00.000Z"\}\]/,
    );
    expect(xml).toContain('product-id="b&amp;c"');
    expect(polls).toBe(2);
    expect(waits).toEqual([500, 500]);
  });

  it('maps per-record errors of the execution back to REJECTED results, the rest OK', async () => {
    finish = () => ({
      status: 'error',
      code: 'IMPORT_FAILED',
      details: [{ product_id: 'b', message: 'allocation-timestamp older than the current reset date' }],
    });
    const { importer, resilience } = build();
    const results = await importer.importList('inv-eu', [rec('a', 1), rec('b', 2)]);
    await resilience.stop();
    expect(results.map((r) => [r.write.productId, r.status, r.message ?? null])).toEqual([
      ['a', 'OK', null],
      ['b', 'REJECTED', 'allocation-timestamp older than the current reset date'],
    ]);
  });

  it('waits and retries while the job is already running', async () => {
    busyAnswers = 2;
    const { importer, resilience, waits } = build();
    const results = await importer.importList('inv-eu', [rec('a', 1)]);
    await resilience.stop();
    expect(results[0]?.status).toBe('OK');
    expect(starts).toHaveLength(1);
    expect(waits.length).toBe(4); // two busy answers, two polls
  });

  it('chunks a large list into several files, imported one after the other', async () => {
    const { importer, resilience } = build(2);
    const results = await importer.importList(
      'inv-eu',
      ['a', 'b', 'c', 'd', 'e'].map((id) => rec(id, 1)),
    );
    await resilience.stop();
    expect(results.filter((r) => r.status === 'OK')).toHaveLength(5);
    expect([...files.values()].map((xml) => (xml.match(/<record /g) ?? []).length)).toEqual([2, 2, 1]);
    expect(starts).toHaveLength(3);
  });

  it('reports a file that failed as a whole, and refuses impossible records without sending them', async () => {
    finish = () => ({
      status: 'error',
      code: 'ERROR',
      message: 'schema validation failed',
      details: [{ record: 1, productId: 'a', code: 'SCHEMA_VIOLATION', message: 'bad element order' }],
    });
    const { importer, resilience } = build();
    const results = await importer.importList('inv-eu', [rec('a', 1), rec('b', -4)]);
    await resilience.stop();
    expect(results.map((r) => [r.write.productId, r.status, r.retriable])).toEqual([
      ['b', 'REJECTED', false],
      ['a', 'REJECTED', false],
    ]);
    expect(results[1]?.message).toMatch(/schema validation failed/);
    expect([...files.values()][0]).not.toContain('product-id="b"');
  });
});
