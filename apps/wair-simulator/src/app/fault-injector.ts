import type { NextFunction, Request, Response } from 'express';
import type { SeededRandom } from '@wair-sfcc/sim-catalogue';

/** Faults applied to the WAIR API, changeable at run time through PUT /__sim/faults. */
export interface Faults {
  latencyMs: number;
  error500Rate: number;
  error503Rate: number;
  rate429: number;
  retryAfterSeconds: number;
  dropRate: number;
  /** Share of requests that are processed but whose answer is lost (connection dropped after). */
  lostAnswerRate: number;
  malformedRate: number;
}

const MALFORMATIONS = ['WRONG_TYPE', 'MISSING_FIELD', 'NEGATIVE_QUANTITY', 'UNKNOWN_LOCATION'] as const;

/** Express middleware for the API faults, and the record mangler for malformed records. */
export function createFaultInjector(initial: Faults, random: SeededRandom) {
  const faults: Faults = { ...initial };
  const counters = {
    latency: 0,
    error500: 0,
    error503: 0,
    rate429: 0,
    dropped: 0,
    answersLost: 0,
    malformed: 0,
  };

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    const go = (): void => {
      if (random.chance(faults.dropRate)) {
        counters.dropped += 1;
        req.socket.destroy();
        return;
      }
      if (random.chance(faults.rate429)) {
        counters.rate429 += 1;
        res
          .status(429)
          .set('Retry-After', String(faults.retryAfterSeconds))
          .json({
            error: 'too_many_requests',
            message: `Rate limit exceeded; retry after ${faults.retryAfterSeconds} s`,
          });
        return;
      }
      if (random.chance(faults.error503Rate)) {
        counters.error503 += 1;
        res.status(503).json({ error: 'service_unavailable', message: 'WAIR is temporarily unavailable' });
        return;
      }
      if (random.chance(faults.error500Rate)) {
        counters.error500 += 1;
        res.status(500).json({ error: 'internal_error', message: 'Unexpected error' });
        return;
      }
      // The worst case for a writer: WAIR did the work, the client never hears so and retries.
      // Guarded so that a zero rate draws no random number (seeded runs stay as they were).
      if (faults.lostAnswerRate > 0 && random.chance(faults.lostAnswerRate)) {
        counters.answersLost += 1;
        res.json = (() => {
          req.socket.destroy();
          return res;
        }) as typeof res.json;
      }
      next();
    };
    if (faults.latencyMs > 0) {
      counters.latency += 1;
      setTimeout(go, faults.latencyMs);
    } else go();
  };

  /** Returns the record, or a malformed copy of it at the configured rate. */
  function mangle<T extends object>(
    record: T,
    quantityField = 'onHand',
    locationField = 'locationCode',
  ): T | Record<string, unknown> {
    if (!random.chance(faults.malformedRate)) return record;
    counters.malformed += 1;
    const copy: Record<string, unknown> = { ...(record as Record<string, unknown>) };
    const kind = random.pick(MALFORMATIONS);
    const firstKey = Object.keys(copy)[0] as string;
    if (kind === 'WRONG_TYPE') copy[quantityField in copy ? quantityField : firstKey] = 'twelve';
    else if (kind === 'MISSING_FIELD') delete copy[firstKey];
    else if (kind === 'NEGATIVE_QUANTITY' && quantityField in copy) copy[quantityField] = -5;
    else if (locationField in copy) copy[locationField] = 'ZZ99';
    else delete copy[firstKey];
    return copy;
  }

  return { faults, counters, middleware, mangle };
}

export type FaultInjector = ReturnType<typeof createFaultInjector>;
