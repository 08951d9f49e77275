import { DLQ_HEADERS, dlqHeaders } from './dlq-headers';

describe('dlqHeaders', () => {
  it('fills every DLQ header with a string', () => {
    const headers = dlqHeaders({
      sourceTopic: 'wair.stock.v1',
      sourcePartition: 4,
      sourceOffset: '1234',
      app: 'sfcc-inventory-writer',
      errorClass: 'SchemaDecodeError',
      errorMessage: 'unknown magic byte',
      failedAt: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)),
    });
    expect(Object.keys(headers).sort()).toEqual(Object.values(DLQ_HEADERS).sort());
    expect(headers).toMatchObject({
      'dlq-source-partition': '4',
      'dlq-source-offset': '1234',
      'dlq-failed-at': '2025-01-02T03:04:05.000Z',
    });
  });
});
