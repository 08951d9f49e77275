// Container sizing, from measurements of the built bundles against the dev stack (docs/deploying.md
// § Sizing): each skeleton peaks at ~115-120 MiB RSS (VmHWM) after joining its group and serving
// /metrics. Requests cover the baseline with ~2x headroom; the apps with per-SKU state are sized
// from the 1,000,000-SKU bench below.

/** Requests and limits of one container, and the heap cap that keeps V8 inside the limit. */
export interface ContainerSizing {
  readonly requests: { cpu: string; memory: string };
  readonly limits: { cpu: string; memory: string };
  /** `--max-old-space-size` in MiB: ~75% of the memory limit, the rest for buffers and code. */
  readonly maxOldSpaceMiB: number;
}

const DEFAULT_SIZING: ContainerSizing = {
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '1', memory: '512Mi' },
  maxOldSpaceMiB: 384,
};

// The writer holds its last-written guard and queue per (list, SKU); wair-ingest its per-SKU stock
// state. `npm run bench -- --skus=1000000 --seconds=0 --skip=baseline,overload,order-path` (1,000,000
// SKUs: 2,000,000 (list, SKU) pairs, 3 locations each) measured on Node's default heap: the writer
// ready after a cold start at ~1.8 GB RSS and peaking at ~2.5 GB during a full refresh; wair-ingest
// ready at ~2.3 GB. The heaps these manifests used to set (768 / 384 MiB) ran out while the state was
// rebuilt. Sized for one million SKUs; smaller catalogues may lower them in an overlay.
const WRITER_SIZING: ContainerSizing = {
  requests: { cpu: '200m', memory: '2Gi' },
  limits: { cpu: '1', memory: '3584Mi' },
  maxOldSpaceMiB: 2688,
};

const INGEST_SIZING: ContainerSizing = {
  requests: { cpu: '200m', memory: '2Gi' },
  limits: { cpu: '1', memory: '3Gi' },
  maxOldSpaceMiB: 2304,
};

// The auditor mirrors eight topics, its per-SKU tables packed outside the V8 heap: `npm run
// bench:auditor` at 1,000,000 SKUs measured ~92 MiB heap after GC, ~110 MiB more during a table-wide
// audit, and 0.46-0.59 GiB RSS. A small heap cap makes V8 collect the decoding garbage of a rebuild
// early instead of letting it float (on Node's default heap a 1M-SKU rebuild peaked at ~1 GB RSS).
const AUDITOR_SIZING: ContainerSizing = {
  requests: { cpu: '200m', memory: '768Mi' },
  limits: { cpu: '1', memory: '1Gi' },
  maxOldSpaceMiB: 512,
};

const SIZING_BY_APP: Readonly<Record<string, ContainerSizing>> = {
  'sfcc-inventory-writer': WRITER_SIZING,
  'wair-ingest': INGEST_SIZING,
  'reconciliation-auditor': AUDITOR_SIZING,
};

/** The sizing of an app's container. */
export function sizingOf(app: string): ContainerSizing {
  return SIZING_BY_APP[app] ?? DEFAULT_SIZING;
}
