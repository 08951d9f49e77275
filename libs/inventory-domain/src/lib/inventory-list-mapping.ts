/** An SFCC inventory list and the WAIR locations whose available stock feeds it (S(L)). */
export interface InventoryListMapping {
  inventoryListId: string;
  locations: readonly string[];
}

/** Why an inventory list mapping text cannot be used. */
export class InventoryListMappingError extends Error {
  readonly retriable = false;
  constructor(
    message: string,
    readonly context: { text: string },
  ) {
    super(message);
    this.name = 'InventoryListMappingError';
  }
}

const ID = /^[A-Za-z0-9_.-]{1,256}$/;

/**
 * Parses `list:LOC1+LOC2;list2:LOC3` (lists separated by `;`, locations by `+`). A location may
 * feed several lists (a DC can serve both the webshop and click-and-collect).
 */
export function parseInventoryListMappings(text: string): InventoryListMapping[] {
  const mappings: InventoryListMapping[] = [];
  const seen = new Set<string>();
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf(':');
    const listId = at < 0 ? '' : part.slice(0, at).trim();
    const locations = (at < 0 ? '' : part.slice(at + 1))
      .split('+')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!ID.test(listId) || locations.length === 0 || !locations.every((l) => ID.test(l))) {
      throw new InventoryListMappingError(
        `"${part}" is not <inventory list id>:<LOC>[+<LOC>...] (ids: letters, digits, _ . -)`,
        { text },
      );
    }
    if (seen.has(listId)) {
      throw new InventoryListMappingError(`inventory list "${listId}" is mapped twice`, { text });
    }
    seen.add(listId);
    mappings.push({ inventoryListId: listId, locations: [...new Set(locations)] });
  }
  if (mappings.length === 0) {
    throw new InventoryListMappingError('at least one inventory list must be mapped', { text });
  }
  return mappings;
}

/** Every WAIR location that feeds at least one list. */
export function mappedLocations(mappings: readonly InventoryListMapping[]): Set<string> {
  return new Set(mappings.flatMap((m) => m.locations));
}
