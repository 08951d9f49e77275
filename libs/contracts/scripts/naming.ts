/** `StockLevel` → `stock-level`. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** `StockOrigin` → `STOCK_ORIGIN`. */
export function constantCase(name: string): string {
  return kebabCase(name).replace(/-/g, '_').toUpperCase();
}

/** `StockLevel` → `stockLevel`. */
export function lowerCamelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The last segment of a possibly namespaced Avro name. */
export function shortName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}
