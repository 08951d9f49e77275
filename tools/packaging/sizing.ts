// Container sizing, from measurements of the built bundles against the dev stack (docs/deploying.md
// § Sizing): each skeleton peaks at ~115-120 MiB RSS (VmHWM) after joining its group and serving
// /metrics, and a plain Map of one million (list, SKU) entries with the writer's per-entry facts
// takes ~180 MiB of heap (~250 MiB RSS). Requests cover the baseline with ~2x headroom; limits
// leave room for state tables and bursts.

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

// Apps that hold a table per SKU (the writer's last-written guard and queue, the auditor's mirrors of
// the compacted topics) get room for ~2 million (list, SKU) entries.
const STATEFUL_SIZING: ContainerSizing = {
  requests: { cpu: '200m', memory: '512Mi' },
  limits: { cpu: '1', memory: '1Gi' },
  maxOldSpaceMiB: 768,
};

// The auditor mirrors eight topics: `npm run bench:auditor` at 1,000,000 SKUs (2 locations) measured
// 695 MiB of heap after GC and 1,264 MiB RSS after the rebuild, so 1 million SKUs needs ~1.5 GiB.
const AUDITOR_SIZING: ContainerSizing = {
  requests: { cpu: '200m', memory: '1Gi' },
  limits: { cpu: '1', memory: '2Gi' },
  maxOldSpaceMiB: 1536,
};

const SIZING_BY_APP: Readonly<Record<string, ContainerSizing>> = {
  'sfcc-inventory-writer': STATEFUL_SIZING,
  'reconciliation-auditor': AUDITOR_SIZING,
};

/** The sizing of an app's container. */
export function sizingOf(app: string): ContainerSizing {
  return SIZING_BY_APP[app] ?? DEFAULT_SIZING;
}
