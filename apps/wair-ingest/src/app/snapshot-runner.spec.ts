import { createLogger } from '@wair-sfcc/observability';
import type { IngestPipeline } from './ingest-pipeline';
import { createSnapshotRunner } from './snapshot-runner';
import type { WairClient } from './wair-client';

/** A feed whose pages are answered only when the test releases them, so runs can overlap. */
function createGatedFeed() {
  const reads: string[] = [];
  const gates: Array<() => void> = [];
  const client = {
    async getPage(path: string) {
      reads.push(path);
      await new Promise<void>((resolve) => gates.push(resolve));
      return { records: [{ path }], moreRecordsAvailable: false };
    },
  } as unknown as WairClient;
  const ack = { ack: Promise.resolve() };
  const pipeline = {
    sku: () => ack,
    stock: () => ack,
    resolveMismatchesNotSeenSince: async () => 0,
  } as unknown as IngestPipeline;
  const releaseNext = async () => {
    for (let i = 0; i < 50 && gates.length === 0; i += 1) await new Promise((r) => setImmediate(r));
    gates.shift()?.();
  };
  return { client, pipeline, reads, releaseNext };
}

const setup = () => {
  const feed = createGatedFeed();
  const runner = createSnapshotRunner({
    client: feed.client,
    pipeline: feed.pipeline,
    stockPath: '/StockLevels',
    skusPath: '/Skus',
    pageSize: 10,
    logger: createLogger({ app: 'test', level: 'silent' }),
  });
  return { ...feed, runner };
};

describe('createSnapshotRunner', () => {
  it('a full snapshot asked for during the SKU-master read runs after it and reads the stock', async () => {
    const { runner, reads, releaseNext } = setup();
    const startup = runner.run('skus');
    expect(runner.stateFor('all')).toBe('queued');
    const full = runner.run('all');
    expect(runner.run('all')).toBe(full);
    await releaseNext();
    expect(await startup).toMatchObject({ skus: 1, stock: 0 });
    await releaseNext();
    await releaseNext();
    expect(await full).toMatchObject({ skus: 1, stock: 1 });
    expect(reads).toEqual(['/Skus', '/Skus', '/StockLevels']);
    expect(runner.isRunning()).toBe(false);
  });

  it('joins a running full snapshot instead of starting another', async () => {
    const { runner, reads, releaseNext } = setup();
    const first = runner.run('all');
    expect(runner.stateFor('all')).toBe('already-running');
    expect(runner.run('all')).toBe(first);
    expect(runner.run('skus')).toBe(first);
    await releaseNext();
    await releaseNext();
    expect(await first).toMatchObject({ skus: 1, stock: 1 });
    expect(reads).toEqual(['/Skus', '/StockLevels']);
    expect(runner.stateFor('all')).toBe('started');
  });
});
