// Fakes of the WAIR write port for apps' unit tests; import from `@wair-sfcc/wair-client/testing`.
export {
  createInMemoryWairSales,
  type InMemoryWairSales,
  type InMemoryWairSalesOptions,
} from './lib/testing/in-memory-wair-sales.fake';
