// Test helpers: figures read from the simulators for assertions and the run summary.
import type { SimClient } from './sim-client';

export interface SfccRequestCount {
  endpoint: string;
  method: string;
  status: number;
  count: number;
}

export async function sfccRequests(sfcc: SimClient): Promise<SfccRequestCount[]> {
  return (await sfcc.get<{ requests: SfccRequestCount[] }>('/__sim/requests')).requests.filter((r) =>
    r.endpoint.startsWith('scapi.order'),
  );
}

/** SCAPI Orders calls that change something (everything but GET), by endpoint. */
export function writesOf(requests: SfccRequestCount[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests)
    if (r.method !== 'GET')
      out[`${r.method} ${r.endpoint}`] = (out[`${r.method} ${r.endpoint}`] ?? 0) + r.count;
  return out;
}

export function countBy(requests: SfccRequestCount[], pick: (r: SfccRequestCount) => boolean): number {
  return requests.filter(pick).reduce((n, r) => n + r.count, 0);
}

export interface WairCounters {
  requests: Record<string, number>;
  faults: Record<string, number>;
  sales: Record<string, number>;
  batches: Record<string, number>;
  dispatches: number;
}

export const wairCounters = (wair: SimClient) => wair.get<WairCounters>('/__sim/counters');
