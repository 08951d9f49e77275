/** One completed unit of work of a flow (a list written, an order accepted, a shipment confirmed). */
export interface FlowEvent {
  /** When it completed (epoch ms). */
  at: number;
  /** Time from the source change to completion; null when unknown or not a success. */
  delayMs: number | null;
  outcome: 'ok' | 'error' | 'other';
}

/** A flow's figures over its rolling window (the fields `/api/flows` adds to each flow). */
export interface FlowWindowSummary {
  windowMs: number;
  /** Events completed per minute over the window (successes, failures and skips). */
  throughputPerMinute: number;
  delayP50Ms: number | null;
  delayP99Ms: number | null;
  /** Failed events in the window. */
  errors: number;
  /** Latest success ever seen (also before the window, from the rebuilt tables). */
  lastSuccessAt: number | null;
  /** More events than kept happened in the window: delays are over the newest `maxEvents`. */
  delaySampled: boolean;
}

export interface FlowWindowOptions {
  windowMs: number;
  /** Events kept for the delay percentiles (and de-duplication); the oldest go first. */
  maxEvents: number;
  /** Count buckets across the window (throughput and errors are exact at this granularity). */
  buckets?: number;
}

/**
 * A bounded rolling window over one flow, fed event by event from the table change feeds, so a
 * summary costs O(kept events) instead of a table scan. Counts live in fixed time buckets (exact
 * however many events there are); delays live in a capped, insertion-ordered map keyed by event id,
 * which also drops the re-deliveries a compacted topic replays.
 */
export class FlowWindow {
  private readonly events = new Map<string, FlowEvent>();
  private readonly bucketMs: number;
  private readonly bucketStart: Float64Array;
  private readonly counts: Float64Array;
  private readonly errorCounts: Float64Array;
  private lastSuccess: number | null = null;
  private overflowedAt: number | null = null;

  constructor(private readonly options: FlowWindowOptions) {
    const n = options.buckets ?? 60;
    this.bucketMs = Math.max(1, Math.ceil(options.windowMs / n));
    this.bucketStart = new Float64Array(n).fill(-1);
    this.counts = new Float64Array(n);
    this.errorCounts = new Float64Array(n);
  }

  record(id: string, event: FlowEvent, now: number): void {
    if (event.outcome === 'ok' && (this.lastSuccess === null || event.at > this.lastSuccess)) {
      this.lastSuccess = event.at;
    }
    const at = Math.min(event.at, now);
    if (at <= now - this.options.windowMs || this.events.has(id)) return;
    this.events.set(id, { ...event, at });
    if (this.events.size > this.options.maxEvents) {
      const oldest = this.events.keys().next().value as string;
      this.events.delete(oldest);
      this.overflowedAt = now;
    }
    const slot = Math.floor(at / this.bucketMs);
    const i = slot % this.bucketStart.length;
    if (this.bucketStart[i] !== slot) {
      // An older slot than the one held is outside the window already; a newer one replaces it.
      if ((this.bucketStart[i] ?? -1) > slot) return;
      this.bucketStart[i] = slot;
      this.counts[i] = 0;
      this.errorCounts[i] = 0;
    }
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    if (event.outcome === 'error') this.errorCounts[i] = (this.errorCounts[i] ?? 0) + 1;
  }

  summary(now: number): FlowWindowSummary {
    const from = now - this.options.windowMs;
    const firstSlot = Math.floor(from / this.bucketMs) + 1;
    let count = 0;
    let errors = 0;
    for (let i = 0; i < this.bucketStart.length; i += 1) {
      if ((this.bucketStart[i] ?? -1) < firstSlot) continue;
      count += this.counts[i] ?? 0;
      errors += this.errorCounts[i] ?? 0;
    }
    const delays: number[] = [];
    for (const [id, e] of this.events) {
      if (e.at <= from) this.events.delete(id);
      else if (e.delayMs !== null) delays.push(e.delayMs);
    }
    delays.sort((a, b) => a - b);
    return {
      windowMs: this.options.windowMs,
      throughputPerMinute: Math.round((count / (this.options.windowMs / 60_000)) * 100) / 100,
      delayP50Ms: percentile(delays, 0.5),
      delayP99Ms: percentile(delays, 0.99),
      errors,
      lastSuccessAt: this.lastSuccess,
      delaySampled: this.overflowedAt !== null && this.overflowedAt > from,
    };
  }
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? null;
}
