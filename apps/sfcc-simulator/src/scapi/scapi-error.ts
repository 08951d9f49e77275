import type { Response } from 'express';

const TITLES: Record<number, [string, string]> = {
  400: ['Bad Request', 'bad-request'],
  401: ['Unauthorized', 'unauthorized'],
  403: ['Forbidden', 'forbidden'],
  404: ['Not Found', 'not-found'],
  409: ['Conflict', 'conflict'],
  429: ['Too Many Requests', 'too-many-requests'],
  503: ['Service Unavailable', 'service-unavailable'],
};

/** SCAPI's RFC 7807 error body: `{type, title, detail}` with the documented error type URLs. */
export function sendScapiError(res: Response, status: number, detail: string): void {
  const [title, slug] = TITLES[status] ?? ['Internal Server Error', 'internal-server-error'];
  res
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: `https://api.commercecloud.salesforce.com/documentation/error/v1/errors/${slug}`,
        title,
        detail,
      }),
    );
}
