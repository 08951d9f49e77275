/** A WAIR API call that failed; `retriable` says whether the same call may work later. */
export class WairApiError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    readonly context: { path: string; status?: number },
  ) {
    super(message);
    this.name = 'WairApiError';
  }
}
