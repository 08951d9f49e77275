import { randomBytes } from 'node:crypto';
import * as Multipart from 'multipasta';

/** One part of a `multipart/mixed` body: its headers (lower-case names) and its text. */
export interface MimePart {
  headers: Record<string, string>;
  body: string;
}

export type ParsedMultipart = { ok: true; parts: MimePart[] } | { ok: false; message: string };

/**
 * Splits a `multipart/mixed` body with multipasta (a maintained streaming parser that, unlike
 * busboy, accepts any multipart subtype and keeps each part's own headers).
 */
export function parseMultipartMixed(contentType: string, body: Buffer): ParsedMultipart {
  if (!/^multipart\/mixed\s*;/i.test(contentType) || !/boundary=/i.test(contentType)) {
    return {
      ok: false,
      message: `Content-Type must be multipart/mixed with a boundary, got '${contentType}'.`,
    };
  }
  const parts: MimePart[] = [];
  let failure: string | undefined;
  let done = false;
  const parser = Multipart.make({
    headers: { 'content-type': contentType },
    // Every part is a sub-request with a small JSON body: collect it as a field, never a file.
    isFile: () => false,
    maxFieldSize: 6 * 1024 * 1024,
    onField: (info, value) => {
      const headers: Record<string, string> = {};
      for (const [name, v] of Object.entries(info.headers))
        headers[name.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      parts.push({ headers, body: Buffer.from(value).toString('utf8') });
    },
    onFile: () => () => undefined,
    onError: (error) => {
      failure =
        error._tag === 'ReachedLimit'
          ? `multipart limit reached: ${error.limit}`
          : `malformed multipart body: ${error._tag}`;
    },
    onDone: () => {
      done = true;
    },
  });
  parser.write(body);
  parser.end();
  if (failure) return { ok: false, message: failure };
  if (!done) return { ok: false, message: 'malformed multipart body: closing boundary missing' };
  return { ok: true, parts };
}

/** Writes `multipart/mixed` with the given parts; returns the body and its Content-Type. */
export function buildMultipartMixed(parts: MimePart[]): { contentType: string; body: string } {
  const boundary = `sfcc-sim-${randomBytes(12).toString('hex')}`;
  const chunks = parts.map((p) => {
    const headers = Object.entries(p.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n');
    return `--${boundary}\r\n${headers}\r\n\r\n${p.body}\r\n`;
  });
  return {
    contentType: `multipart/mixed; boundary=${boundary}`,
    body: `${chunks.join('')}--${boundary}--\r\n`,
  };
}
