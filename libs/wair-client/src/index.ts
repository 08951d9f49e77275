// Public entry of @wair-sfcc/wair-client: the WAIR write side (WairSalesPort over HTTP) with its
// own token handling and retry policy.
export { createWairSalesClient } from './lib/wair-sales.adapter';
export { createWairHttp, type WairClientOptions, type WairHttp, type WairPostOptions } from './lib/wair-http';
export {
  createWairTokenProvider,
  type WairToken,
  type WairTokenProvider,
  type WairTokenProviderOptions,
} from './lib/wair-token.provider';
