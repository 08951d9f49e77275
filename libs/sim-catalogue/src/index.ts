export { generateSimCatalogue } from './lib/sim-catalogue';
export type { SimCatalogue, SimCatalogueOptions, SimLocation, SimSku, SimStyle } from './lib/sim-catalogue';
export { createSeededRandom } from './lib/seeded-random';
export type { SeededRandom } from './lib/seeded-random';
