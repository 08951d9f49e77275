// `npm run bench:auditor`: rebuilds the auditor's per-SKU tables (stock, SKU master, catalog,
// inventory sync) for BENCH_SKUS SKUs (default 1,000,000) and prints rebuild time, rows and memory.
// Records are Avro-encoded with the contract schemas and decoded + packed exactly as the table
// readers do on a rebuild; Kafka itself is left out, so the figures describe the auditor's state,
// not the broker. Memory is read after two forced GCs (heap used and total, the packed rows' array
// buffers, RSS). Then the SKU_MISMATCH and SYNC_DELAY audits run once over the full tables.
//
// Settings (env): BENCH_SKUS (1000000), BENCH_LOCATIONS (2 per SKU), BENCH_CHUNK (20000 records
// encoded ahead of each timed decode pass).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import avro from 'avsc';
import {
  avroLogicalTypes,
  schemas,
  type InventorySync,
  type SfccProduct,
  type StockLevel,
  type WairSku,
} from '@wair-sfcc/contracts';
import { findSkuMismatches, findSyncDelays } from '@wair-sfcc/audit-rules';
import { createAuditorTables, TABLE_TOPICS, type TableName } from '../src/app/state/auditor-tables';
import { createTableFeeds } from '../src/app/lookups/table-feeds';
import { skuRowStatus } from '../src/app/state/row-codecs';
import { createInMemoryTableReaders } from '../src/app/testing/in-memory-table-readers';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const SKUS = num('BENCH_SKUS', 1_000_000);
const LOCATIONS = num('BENCH_LOCATIONS', 2);
const CHUNK = num('BENCH_CHUNK', 20_000);
const out = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settle = () => {
  gc();
  gc();
  return process.memoryUsage();
};

const LOCS = ['WEB01', 'DC01', 'ST01', 'ST02', 'ST03'];
const now = Date.now();
const skuId = (i: number) =>
  `STYLE${String(Math.floor(i / 8)).padStart(6, '0')}-${['XS', 'S', 'M', 'L', 'XL', 'XXL', '38', '40'][i % 8]}`;

function records(i: number) {
  const sku = skuId(i);
  const asOf = now - (i % 3_600) * 1000;
  const stock: StockLevel = {
    sku,
    locations: LOCS.slice(0, LOCATIONS).map((locationCode, k) => ({
      locationCode,
      onHand: (i + k) % 40,
      reserved: k,
      available: ((i + k) % 40) - k,
      modifiedAt: asOf,
      sequence: i,
    })),
    asOf,
    sourceSequence: i,
    origin: 'POLL',
    ingestedAt: asOf + 200,
  };
  const master: WairSku = {
    sku,
    styleCode: sku.slice(0, 11),
    itemCode: sku,
    colour: 'Black',
    size: sku.slice(12),
    barcode: String(5_000_000_000_000 + i),
    status: 'ACTIVE',
    modifiedAt: asOf,
  };
  const product: SfccProduct = {
    // One in a thousand differs in case: the SKU_MISMATCH audit has something to find.
    productId: i % 1000 === 0 ? sku.toLowerCase() : sku,
    type: 'VARIANT',
    masterId: sku.slice(0, 11),
    variationValues: { size: sku.slice(12), color: 'Black' },
    online: true,
    searchable: true,
    pulledAt: now,
  };
  const sync: InventorySync = {
    sku,
    lists: ['inventory_webshop', 'inventory_stores'].map((inventoryListId) => ({
      inventoryListId,
      allocation: (i % 40) - 1 < 0 ? 0 : (i % 40) - 1,
      resetDate: asOf,
      sourceAsOf: asOf,
      sourceSequence: i,
      writtenAt: asOf + 900,
      outcome: 'OK',
      error: null,
      priority: 1,
      channel: 'OCAPI',
    })),
  };
  return { stock, master, product, sync };
}

async function main(): Promise<void> {
  const type = (name: keyof typeof schemas) =>
    avro.Type.forSchema(schemas[name] as avro.Schema, { logicalTypes: avroLogicalTypes });
  const codecs: Array<[TableName, avro.Type, 'stock' | 'master' | 'product' | 'sync']> = [
    ['stock', type(TABLE_TOPICS.stock), 'stock'],
    ['skus', type(TABLE_TOPICS.skus), 'master'],
    ['products', type(TABLE_TOPICS.products), 'product'],
    ['syncs', type(TABLE_TOPICS.syncs), 'sync'],
  ];
  const readers = createInMemoryTableReaders();
  // The app's change feeds too (flow windows, SKU history): their cost is part of the rebuild.
  const feeds = createTableFeeds({ now: () => Date.now() });
  const tables = createAuditorTables({
    tableReader: readers.factory,
    onOrder: feeds.onOrder,
    onChange: feeds.hooks,
  });
  const before = settle();
  out(
    `auditor bench: ${SKUS.toLocaleString('en')} SKUs, ${LOCATIONS} location(s) per SKU, 2 inventory lists`,
  );
  out(`baseline: heap ${mib(before.heapUsed)}, rss ${mib(before.rss)}`);

  let rebuildNs = 0n;
  let bytes = 0;
  for (let start = 0; start < SKUS; start += CHUNK) {
    // Keys travel as bytes too: each reader decodes its own key string, as the Kafka reader does.
    const encoded: Array<[TableName, Buffer, Buffer, avro.Type]> = [];
    for (let i = start; i < Math.min(SKUS, start + CHUNK); i += 1) {
      const r = records(i);
      for (const [table, codec, field] of codecs) {
        const value = r[field];
        const key = 'sku' in value ? value.sku : value.productId;
        encoded.push([table, Buffer.from(key), codec.toBuffer(value), codec]);
      }
    }
    const t0 = process.hrtime.bigint();
    for (const [table, key, buf, codec] of encoded) {
      bytes += key.length + buf.length + 5;
      readers.put(TABLE_TOPICS[table], key.toString('utf8'), codec.fromBuffer(buf));
    }
    rebuildNs += process.hrtime.bigint() - t0;
  }
  readers.markCaughtUp();
  const after = settle();
  const rows = tables.rowCounts();
  const totalRows = Object.values(rows).reduce((s, n) => s + n, 0);
  out(
    `rebuild: ${(Number(rebuildNs) / 1e9).toFixed(1)} s to decode and apply ${totalRows.toLocaleString('en')} records (${mib(bytes)} on the wire), ${Math.round(totalRows / (Number(rebuildNs) / 1e9)).toLocaleString('en')} records/s`,
  );
  out(
    `rows: ${Object.entries(rows)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t}=${n.toLocaleString('en')}`)
      .join(' ')}`,
  );
  const perSku = (bytes: number) => `${Math.round(bytes / SKUS)} B/SKU`;
  out(
    `memory after rebuild (after GC): rss ${mib(after.rss)}; heap used ${mib(after.heapUsed)} (+${mib(after.heapUsed - before.heapUsed)} for the tables, ${perSku(after.heapUsed - before.heapUsed)}) of ${mib(after.heapTotal)}; array buffers ${mib(after.arrayBuffers)}`,
  );
  const packed = tables.packedBytes();
  const packedLine = Object.entries(packed)
    .map(([t, n]) => `${t}=${mib(n)}`)
    .join(' ');
  const packedTotal = Object.values(packed).reduce((s, n) => s + n, 0);
  out(
    `  packed rows (reserved): ${packedLine} (${perSku(packedTotal)}); shared keys: ${tables.keySlots.size.toLocaleString('en')}`,
  );

  const time = <T>(what: string, fn: () => T): T => {
    const t0 = process.hrtime.bigint();
    const result = fn();
    out(`${what}: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
    return result;
  };
  const mismatches = time('SKU_MISMATCH audit over all SKUs', () =>
    findSkuMismatches({
      wairSkus: (function* () {
        for (const [sku, row] of tables.skus.rawEntries()) {
          yield {
            sku,
            status: skuRowStatus(row),
            styleCode: '',
            itemCode: '',
            colour: '',
            size: '',
            barcode: null,
            modifiedAt: 0,
          };
        }
      })(),
      products: tables.products,
    }),
  );
  out(`  findings: ${mismatches.length.toLocaleString('en')} (1 in 1000 SKUs differs by case on purpose)`);
  const delays = time('SYNC_DELAY audit over all SKUs', () =>
    findSyncDelays(tables.stock.values(), tables.syncs, {
      now,
      slaMs: 60_000,
      listsFor: () => ['inventory_webshop', 'inventory_stores'],
    }),
  );
  out(`  findings: ${delays.length.toLocaleString('en')}`);
  const peak = process.memoryUsage();
  out(`memory after audits (no GC): heap used ${mib(peak.heapUsed)}, rss ${mib(peak.rss)}`);
  const settled = settle();
  out(`memory after audits (after GC): heap used ${mib(settled.heapUsed)}, rss ${mib(settled.rss)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
