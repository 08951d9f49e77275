import type { InventoryRecordWrite } from '../inventory-writer.port';

/**
 * Why a record cannot be sent to SFCC as it is (naming the field), or undefined when it can.
 * Mirrors SFCC's own constraints so a bad record is refused here instead of failing a batch or file.
 */
export function invalidWriteReason(write: InventoryRecordWrite): string | undefined {
  const where = `record ${JSON.stringify(write.inventoryListId)}/${JSON.stringify(write.productId)}`;
  if (typeof write.inventoryListId !== 'string' || write.inventoryListId.trim() === '') {
    return `${where}: inventoryListId is empty`;
  }
  if (typeof write.productId !== 'string' || write.productId.length < 1 || write.productId.length > 100) {
    return `${where}: productId must be 1-100 characters`;
  }
  if (write.productId !== write.productId.trim()) {
    return `${where}: productId has leading or trailing whitespace`;
  }
  if (!Number.isInteger(write.allocation) || write.allocation < 0) {
    return `${where}: allocation must be a non-negative integer, got ${write.allocation}`;
  }
  if (!Number.isFinite(write.resetDate) || Number.isNaN(new Date(write.resetDate).getTime())) {
    return `${where}: resetDate is not a valid epoch-ms time, got ${write.resetDate}`;
  }
  return undefined;
}
