/** The outcome of one simulated API call: what a route sends, what a batch part carries. */
export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** OCAPI's `_v` field: `v24_5` → `24.5`. */
export function ocapiDocVersion(version: string): string {
  return version.replace(/^v/, '').replace('_', '.');
}

/** An OCAPI fault document, `{"_v", "fault": {"type", "message", "arguments"}}`, as SFCC sends it. */
export function ocapiFault(
  version: string,
  status: number,
  type: string,
  message: string,
  args?: Record<string, unknown>,
): ApiResult {
  return {
    status,
    body: {
      _v: ocapiDocVersion(version),
      fault: { ...(args ? { arguments: args } : {}), type, message },
    },
  };
}
