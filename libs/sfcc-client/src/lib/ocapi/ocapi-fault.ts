/** The `fault` of an OCAPI error document: `{"_v": "...", "fault": {"type", "message", "arguments"}}`. */
export interface OcapiFault {
  type: string;
  message?: string;
  arguments?: Record<string, unknown>;
}

/** Reads the OCAPI fault out of an error body (string or parsed JSON); undefined if it has none. */
export function parseOcapiFault(body: unknown): OcapiFault | undefined {
  let doc = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      doc = JSON.parse(body.toString());
    } catch {
      return undefined;
    }
  }
  const fault = (doc as { fault?: unknown } | null)?.fault;
  if (!fault || typeof fault !== 'object' || typeof (fault as { type?: unknown }).type !== 'string')
    return undefined;
  const f = fault as { type: string; message?: unknown; arguments?: unknown };
  return {
    type: f.type,
    message: typeof f.message === 'string' ? f.message : undefined,
    arguments:
      f.arguments && typeof f.arguments === 'object' ? (f.arguments as Record<string, unknown>) : undefined,
  };
}

/** True for the fault OCAPI answers to an expired or unknown bearer token. */
export function isInvalidAccessToken(status: number, fault: OcapiFault | undefined): boolean {
  return status === 401 && (fault === undefined || fault.type === 'InvalidAccessTokenException');
}
