import { z } from 'zod';

/** Run-time fault and load settings, changed with `PUT /__sim/faults` (a partial object merges). */
export const faultSettingsSchema = z.strictObject({
  rateLimit: z
    .object({ ratePerSecond: z.number().positive(), burst: z.number().int().min(1) })
    .nullable()
    .describe('Per-client leaky bucket; null disables it.'),
  load: z
    .object({
      /** Reported in `sfdc_load` (percent). */
      percent: z.number().min(0).max(100),
      /** Share of requests answered 503 while the status is THROTTLE. */
      shedShare: z.number().min(0).max(1),
    })
    .describe('Load shedding: WARN from 70 %, THROTTLE from 90 %.'),
  latencyMs: z
    .object({ p50: z.number().min(0), p99: z.number().min(0) })
    .nullable()
    .describe('Log-normal response latency with these percentiles; null for none.'),
  errorRates: z
    .object({ '500': z.number().min(0).max(1), '503': z.number().min(0).max(1) })
    .describe('Shares of requests answered 500 / 503.'),
  resetRate: z
    .number()
    .min(0)
    .max(1)
    .describe('Share of requests whose connection is reset without an answer.'),
  outageUntil: z.number().nullable().describe('Epoch ms until which every API request gets 503.'),
});

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export const partialFaultSettingsSchema = faultSettingsSchema.partial().extend({
  /** Convenience: start an outage of this many seconds from now. */
  outageSeconds: z.number().min(0).optional(),
});

export function defaultFaultSettings(rateLimit: FaultSettings['rateLimit']): FaultSettings {
  return {
    rateLimit,
    load: { percent: 0, shedShare: 0.5 },
    latencyMs: null,
    errorRates: { '500': 0, '503': 0 },
    resetRate: 0,
    outageUntil: null,
  };
}

export function loadStatusOf(percent: number): 'OK' | 'WARN' | 'THROTTLE' {
  return percent >= 90 ? 'THROTTLE' : percent >= 70 ? 'WARN' : 'OK';
}
