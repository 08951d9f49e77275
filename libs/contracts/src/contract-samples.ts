import { deepFreeze } from './deep-freeze';
import type { TopicValueTypes } from './generated';
import type { MainTopicName } from './topic-catalogue';

/** A key and value of one contract topic. */
export interface ContractSample<T extends MainTopicName> {
  key: string;
  value: TopicValueTypes[T];
}

const T0 = Date.UTC(2025, 2, 14, 9, 30, 0);
const minutes = (n: number) => T0 + n * 60_000;

/**
 * One realistic, valid record per contract topic, for tests that round-trip every contract through
 * the registry and a real topic. Uses non-null optional fields where it can so they are exercised.
 */
export const contractSamples: { readonly [T in MainTopicName]: ContractSample<T> } = deepFreeze({
  'wair.stock.v1': {
    key: 'TSHIRT-ORG-BLK-M',
    value: {
      sku: 'TSHIRT-ORG-BLK-M',
      locations: [
        {
          locationCode: 'DC01',
          onHand: 42,
          reserved: 5,
          available: 37,
          modifiedAt: minutes(-2),
          sequence: 9_001,
        },
        {
          locationCode: 'STORE-LDN',
          onHand: 3,
          reserved: 0,
          available: 3,
          modifiedAt: minutes(-30),
          sequence: 8_874,
        },
      ],
      asOf: minutes(-2),
      sourceSequence: 1_742_000_123,
      origin: 'WEBHOOK',
      ingestedAt: minutes(-1),
    },
  },
  'wair.dispatches.v1': {
    key: 'WEB-00012345',
    value: {
      orderNo: 'WEB-00012345',
      dispatches: [
        {
          dispatchId: 'DSP-778812',
          carrier: 'DPD',
          service: 'NEXT_DAY',
          trackingNumber: '15501234567890',
          trackingUrl: 'https://tracking.example.com/15501234567890',
          lines: [
            { sku: 'TSHIRT-ORG-BLK-M', quantity: 1 },
            { sku: 'JEANS-SLIM-IND-32', quantity: 2 },
          ],
          dispatchedAt: minutes(10),
          modifiedAt: minutes(11),
        },
      ],
      updatedAt: minutes(12),
    },
  },
  'wair.skus.v1': {
    key: 'TSHIRT-ORG-BLK-M',
    value: {
      sku: 'TSHIRT-ORG-BLK-M',
      styleCode: 'TSHIRT-ORG',
      itemCode: 'TSHIRT-ORG-BLK',
      colour: 'Black',
      size: 'M',
      barcode: '5012345678900',
      status: 'ACTIVE',
      modifiedAt: minutes(-600),
    },
  },
  'sfcc.products.v1': {
    key: 'TSHIRT-ORG-BLK-M',
    value: {
      productId: 'TSHIRT-ORG-BLK-M',
      type: 'VARIANT',
      masterId: 'TSHIRT-ORG',
      variationValues: { color: 'BLK', size: 'M' },
      online: true,
      searchable: true,
      pulledAt: minutes(-5),
    },
  },
  'sfcc.orders.v1': {
    key: 'WEB-00012345',
    value: {
      orderNo: 'WEB-00012345',
      siteId: 'RefArch',
      createdAt: minutes(-60),
      lines: [
        { itemId: 'b7c1e0d2a4f9', sku: 'TSHIRT-ORG-BLK-M', quantity: 1, inventoryListId: 'inventory_uk' },
        { itemId: 'c1d2e3f4a5b6', sku: 'JEANS-SLIM-IND-32', quantity: 2, inventoryListId: 'inventory_uk' },
      ],
      state: 'ACCEPTED_BY_WAIR',
      capturedAt: minutes(-58),
      acceptedAt: minutes(-57),
      rejectionReason: null,
      orderTotal: '149.97',
      currency: 'GBP',
    },
  },
  'sfcc.inventory-sync.v1': {
    key: 'TSHIRT-ORG-BLK-M',
    value: {
      sku: 'TSHIRT-ORG-BLK-M',
      lists: [
        {
          inventoryListId: 'inventory_uk',
          allocation: 34,
          resetDate: minutes(-2),
          sourceAsOf: minutes(-2),
          sourceSequence: 1_742_000_123,
          writtenAt: minutes(0),
          outcome: 'OK',
          error: null,
          priority: 1,
          channel: 'OCAPI',
        },
        {
          inventoryListId: 'inventory_eu',
          allocation: 0,
          resetDate: minutes(-2),
          sourceAsOf: minutes(-2),
          sourceSequence: 1_742_000_123,
          writtenAt: minutes(0),
          outcome: 'FAILED',
          error: 'HTTP 503 after 6 attempts',
          priority: 0,
          channel: 'OCAPI',
        },
      ],
    },
  },
  'sfcc.fulfilment.v1': {
    key: 'WEB-00012345',
    value: {
      orderNo: 'WEB-00012345',
      shipments: [
        {
          dispatchId: 'DSP-778812',
          confirmedAt: minutes(13),
          attempts: 1,
          outcome: 'CONFIRMED',
          lastError: null,
        },
        {
          dispatchId: 'DSP-778813',
          confirmedAt: null,
          attempts: 3,
          outcome: 'PENDING',
          lastError: 'HTTP 429',
        },
      ],
      orderShippingStatus: 'PART_SHIPPED',
      updatedAt: minutes(14),
    },
  },
  'integration.exceptions.v1': {
    key: 'SKU_MISMATCH:TSHIRT-ORG-BLK-M',
    value: {
      id: 'SKU_MISMATCH:TSHIRT-ORG-BLK-M',
      type: 'SKU_MISMATCH',
      severity: 'HIGH',
      owner: 'MERCH',
      subjectType: 'SKU',
      subject: 'TSHIRT-ORG-BLK-M',
      detail: 'WAIR SKU TSHIRT-ORG-BLK-M has no sellable SFCC variant; did you mean tshirt-org-blk-m?',
      data: { suggestion: 'tshirt-org-blk-m', inventoryListId: 'inventory_uk' },
      raisedBy: 'reconciliation-auditor',
      firstSeen: minutes(-120),
      lastSeen: minutes(0),
      occurrences: 25,
      state: 'ACKNOWLEDGED',
      acknowledgedBy: 'u-4711',
      acknowledgedReason: 'Variant being created in Business Manager',
      resolvedAt: null,
    },
  },
  'wair-ingest.cursors.v1': {
    key: 'stock',
    value: {
      feed: 'stock',
      fromModifiedDateTime: minutes(-1),
      offset: 0,
      updatedAt: minutes(0),
    },
  },
});
