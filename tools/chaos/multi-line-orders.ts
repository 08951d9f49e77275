import type { ChaosSystem } from './chaos-system';

/**
 * Multi-line storefront orders beside the simulator's own single-line generator, so WAIR ships
 * some in several parcels (split shipments, `part_shipped`, one e-mail per parcel). Placed without
 * `force`: the storefront refuses what its ats does not cover, as a real basket would.
 */
export function startMultiLineOrders(
  system: ChaosSystem,
  random: () => number,
  everyMs: number,
): () => Promise<void> {
  let running = true;
  let placed = 0;
  const loop = (async () => {
    const skus = (await system.wair.stock()).map((s) => s.skuCode);
    while (running && skus.length > 0) {
      await new Promise((r) => setTimeout(r, everyMs));
      if (!running) break;
      const count = 2 + Math.floor(random() * 2);
      const picked = new Set<string>();
      while (picked.size < count) picked.add(skus[Math.floor(random() * skus.length)] as string);
      await system.sfcc
        .placeOrder([...picked].map((productId) => ({ productId, quantity: 1 })))
        .then(() => (placed += 1))
        .catch(() => undefined); // 409: ats does not cover it
    }
  })();
  return async () => {
    running = false;
    await loop;
    return void placed;
  };
}
