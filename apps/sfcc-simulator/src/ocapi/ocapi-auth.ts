import type { TokenStore } from '../auth/token-store';
import { ocapiFault, type ApiResult } from './ocapi-fault';

/** OCAPI's answer to a request without a usable bearer token, or undefined when the token is good. */
export function checkOcapiToken(
  tokens: TokenStore,
  version: string,
  authorization: string | undefined,
): ApiResult | undefined {
  const check = tokens.check(authorization);
  if (check.ok) return undefined;
  if (check.reason === 'missing') {
    return ocapiFault(
      version,
      401,
      'UnauthorizedException',
      'The request is unauthorized: no bearer access token was sent.',
    );
  }
  return ocapiFault(
    version,
    401,
    'InvalidAccessTokenException',
    `The request is unauthorized, the access token is invalid (${check.reason}).`,
  );
}
