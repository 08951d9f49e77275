/** What became of one HTTP attempt: its status code, or `network_error` when no response came. */
export type SfccResponseStatus = `${number}` | 'network_error';

/**
 * Wraps `fetch` so every attempt to SFCC (retries included) is reported with its status, which is
 * what `sfcc_http_responses_total{status}` counts: the 429/503 share of all calls is the signal
 * that we are pushing an instance too hard, and only the transport sees the successful ones too.
 */
export function createObservedFetch(
  onResponse: (status: SfccResponseStatus) => void,
  inner: typeof fetch = fetch,
): typeof fetch {
  return async (input, init) => {
    let res: Response;
    try {
      res = await inner(input, init);
    } catch (error) {
      onResponse('network_error');
      throw error;
    }
    onResponse(`${res.status}`);
    return res;
  };
}
