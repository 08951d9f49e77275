import type { DispatchPlanOptions } from '@wair-sfcc/order-domain';
import type { BridgeConfig } from './config';

/** The dispatch plan settings of the config: order completion and the optional `c_*` attribute names. */
export function dispatchPlanOptions(config: BridgeConfig): DispatchPlanOptions {
  const name = (v: string) => (v === '' ? undefined : v);
  return {
    completeOrderWhenShipped: config.DISPATCH_COMPLETE_ORDER === 'true',
    attributes: {
      dispatchIds: name(config.DISPATCH_ATTR_DISPATCH_IDS),
      trackingNumbers: name(config.DISPATCH_ATTR_TRACKING_NUMBERS),
      trackingUrls: name(config.DISPATCH_ATTR_TRACKING_URLS),
      carriers: name(config.DISPATCH_ATTR_CARRIERS),
    },
  };
}
