import type { RequestHandler } from 'express';
import type { TokenStore } from '../auth/token-store';
import { sendApiError } from './api-error';
import { loadStatusOf, type FaultSettings } from './fault-settings';
import { createLeakyBucket, type LeakyBucket } from './leaky-bucket';

export interface FaultsMiddlewareOptions {
  settings: () => FaultSettings;
  tokens: TokenStore;
  version: string;
  now: () => number;
  random: () => number;
}

function basicClient(header: string | undefined): string | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(header ?? '')?.[1];
  return encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':')[0] : undefined;
}

/** Standard normal from two uniforms (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Applied to every simulated SFCC API (not `/__sim/` or the probes), in the order a real edge
 * would: outage, connection reset, latency, rate limit (429 + Retry-After), load shedding (503 +
 * `sfdc_load`/`sfdc_load_status`), random 500/503.
 */
export function createFaultsMiddleware(options: FaultsMiddlewareOptions): RequestHandler {
  let bucket: { key: string; bucket: LeakyBucket } | undefined;
  const bucketFor = (limit: NonNullable<FaultSettings['rateLimit']>) => {
    const key = `${limit.ratePerSecond}/${limit.burst}`;
    if (bucket?.key !== key) bucket = { key, bucket: createLeakyBucket({ ...limit, now: options.now }) };
    return bucket.bucket;
  };

  return (req, res, next) => {
    const s = options.settings();
    const fail = (status: number, type: string, message: string) =>
      sendApiError(req, res, status, type, message, options.version);
    const status = loadStatusOf(s.load.percent);
    if (s.load.percent > 0)
      res.set({ sfdc_load: String(Math.round(s.load.percent)), sfdc_load_status: status });
    if (s.outageUntil !== null && options.now() < s.outageUntil) {
      res.set('Retry-After', String(Math.ceil((s.outageUntil - options.now()) / 1000)));
      return fail(503, 'ServiceUnavailableException', 'The service is unavailable (simulated outage).');
    }
    if (s.resetRate > 0 && options.random() < s.resetRate) {
      req.socket.destroy();
      return;
    }
    const proceed = () => {
      if (s.rateLimit) {
        const client =
          options.tokens.clientOf(req.headers.authorization) ??
          basicClient(req.headers.authorization) ??
          req.ip ??
          'anonymous';
        const taken = bucketFor(s.rateLimit).take(client);
        if (!taken.ok) {
          res.set('Retry-After', String(taken.retryAfterSeconds));
          return fail(
            429,
            'QuotaExceededException',
            `Rate limit of ${s.rateLimit.ratePerSecond} requests/s exceeded; retry after ${taken.retryAfterSeconds} s.`,
          );
        }
      }
      if (status === 'THROTTLE' && options.random() < s.load.shedShare) {
        return fail(
          503,
          'ServiceUnavailableException',
          `The server is under load (${s.load.percent} %); request shed.`,
        );
      }
      const roll = options.random();
      if (roll < s.errorRates['500'])
        return fail(500, 'InternalServerErrorException', 'Simulated internal server error.');
      if (roll < s.errorRates['500'] + s.errorRates['503'])
        return fail(503, 'ServiceUnavailableException', 'Simulated service unavailability.');
      next();
    };
    if (s.latencyMs && s.latencyMs.p50 > 0) {
      const sigma = Math.log(Math.max(s.latencyMs.p99, s.latencyMs.p50) / s.latencyMs.p50) / 2.326;
      const delay = Math.min(60_000, s.latencyMs.p50 * Math.exp(sigma * normal(options.random)));
      setTimeout(proceed, delay);
      return;
    }
    proceed();
  };
}
