import {
  Counter,
  Gauge,
  Histogram,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';
import type { MetricsRegistry } from './metrics-registry';

// Re-exported so apps never import prom-client themselves.
export { Counter, Gauge, Histogram, exponentialBuckets, linearBuckets } from 'prom-client';

/** Counter options without `registers`: the registry is the factory's first argument. */
export type CounterOptions<L extends string> = Omit<CounterConfiguration<L>, 'registers'>;
/** Gauge options without `registers`: the registry is the factory's first argument. */
export type GaugeOptions<L extends string> = Omit<GaugeConfiguration<L>, 'registers'>;
/** Histogram options without `registers`: the registry is the factory's first argument. */
export type HistogramOptions<L extends string> = Omit<HistogramConfiguration<L>, 'registers'>;

/**
 * Creates a counter registered in `registry` only. prom-client would otherwise register it in its
 * global registry, which the ops server does not serve.
 */
export function createCounter<L extends string = string>(
  registry: MetricsRegistry,
  options: CounterOptions<L>,
): Counter<L> {
  return new Counter<L>({ ...options, registers: [registry] });
}

/** Creates a gauge registered in `registry` only (see {@link createCounter}). */
export function createGauge<L extends string = string>(
  registry: MetricsRegistry,
  options: GaugeOptions<L>,
): Gauge<L> {
  return new Gauge<L>({ ...options, registers: [registry] });
}

/** Creates a histogram registered in `registry` only (see {@link createCounter}). */
export function createHistogram<L extends string = string>(
  registry: MetricsRegistry,
  options: HistogramOptions<L>,
): Histogram<L> {
  return new Histogram<L>({ ...options, registers: [registry] });
}
