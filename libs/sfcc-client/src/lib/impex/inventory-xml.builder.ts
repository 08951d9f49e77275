import { XMLBuilder } from 'fast-xml-parser';
import type { InventoryRecordWrite } from '../inventory-writer.port';

/** Namespace of SFCC's inventory import schema (inventory.xsd). */
export const INVENTORY_XML_NAMESPACE = 'http://www.demandware.com/xml/impex/inventory/2007-05-31';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressBooleanAttributes: false,
});

/**
 * One inventory list as an IMPEX inventory XML file. Record children follow the schema's order
 * (`allocation`, then `allocation-timestamp`): SFCC's import rejects a file with any other order.
 * `default-instock` is false so a product without a record is not shown as available.
 */
export function buildInventoryXml(inventoryListId: string, records: readonly InventoryRecordWrite[]): string {
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    inventory: {
      '@_xmlns': INVENTORY_XML_NAMESPACE,
      'inventory-list': {
        header: { '@_list-id': inventoryListId, 'default-instock': 'false' },
        records: {
          record: records.map((r) => ({
            '@_product-id': r.productId,
            allocation: String(r.allocation),
            'allocation-timestamp': new Date(r.resetDate).toISOString(),
          })),
        },
      },
    },
  };
  return builder.build(doc) as string;
}
