import type { Response } from 'express';
import type { ApiResult } from './ocapi-fault';

export function sendApiResult(res: Response, result: ApiResult): void {
  if (result.headers) res.set(result.headers);
  if (result.status === 204 || result.body === undefined) {
    res.status(result.status).end();
    return;
  }
  res.status(result.status).json(result.body);
}

/** Parses a JSON request body read as text; undefined for an empty body. */
export function parseJsonBody(text: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (typeof text !== 'string' || text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `The request body is not valid JSON: ${(error as Error).message}` };
  }
}
