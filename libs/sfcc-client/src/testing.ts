// Fakes of the SFCC ports for apps' unit tests; import from `@wair-sfcc/sfcc-client/testing`.
export {
  createInMemoryInventoryImporter,
  createInMemoryInventoryReader,
  createInMemoryInventoryWriter,
  type InMemoryInventoryImporter,
  type InMemoryInventoryWriter,
  type InventoryState,
  type OutcomeRule,
} from './lib/testing/in-memory-inventory.fakes';
export {
  createInMemoryScapiOrders,
  type InMemoryScapiOrders,
} from './lib/testing/in-memory-scapi-orders.fake';
