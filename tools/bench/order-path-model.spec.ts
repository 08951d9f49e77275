import { isOrderPathComplete, orderPathFigures } from './order-path-model';

const T = Date.UTC(2026, 10, 27, 5, 0, 0);

describe('orderPathFigures', () => {
  const orders = [
    { orderNo: '01', createdAt: T, shippingStatus: 'shipped' },
    { orderNo: '02', createdAt: T + 1_000, shippingStatus: 'shipped' },
    { orderNo: '03', createdAt: T + 2_000, shippingStatus: 'not_shipped' },
  ];

  it('times capture per order from SFCC creation to WAIR acceptance, and confirmation per parcel', () => {
    const f = orderPathFigures({
      orders,
      sales: [
        { id: '01', acceptedAt: T + 5_000, acceptedPosts: 1 },
        { id: '02', acceptedAt: T + 4_000, acceptedPosts: 2 },
      ],
      parcels: [
        { dispatchId: 'D1', orderNumber: '01', dispatchedAt: T + 6_000 },
        { dispatchId: 'D2', orderNumber: '02', dispatchedAt: T + 5_000 },
        { dispatchId: 'D3', orderNumber: '02', dispatchedAt: T + 5_000 },
        // Someone else's order WAIR shipped: not ours.
        { dispatchId: 'D9', orderNumber: 'SIM0001', dispatchedAt: T },
      ],
      events: [
        { orderNo: '01', eventId: 'D1', at: T + 6_500 },
        { orderNo: '02', eventId: 'D2', at: T + 7_000 },
        { orderNo: '02', eventId: 'D3', at: T + 5_250 },
      ],
    });
    expect(f.captureDelay).toEqual({ count: 2, p50: 3_000, p95: 5_000, p99: 5_000, max: 5_000 });
    expect(f.confirmationDelay).toEqual({ count: 3, p50: 500, p95: 2_000, p99: 2_000, max: 2_000 });
    expect(f).toMatchObject({
      placed: 3,
      reachedWair: 2,
      dispatched: 2,
      parcels: 3,
      parcelsConfirmed: 3,
      ordersShipped: 2,
      duplicateEmails: 0,
      unknownSales: 0,
      repeatedSalePosts: 1,
    });
    expect(isOrderPathComplete(f)).toBe(false);
  });

  it('counts a second shipment event of a parcel as a duplicate and times the parcel by the first', () => {
    const f = orderPathFigures({
      orders: orders.slice(0, 1),
      sales: [
        { id: '01', acceptedAt: T + 1_000, acceptedPosts: 1 },
        { id: '77', acceptedAt: T, acceptedPosts: 1 },
      ],
      parcels: [{ dispatchId: 'D1', orderNumber: '01', dispatchedAt: T + 2_000 }],
      events: [
        { orderNo: '01', eventId: 'D1', at: T + 9_000 },
        { orderNo: '01', eventId: 'D1', at: T + 3_000 },
      ],
    });
    expect(f.duplicateEmails).toBe(1);
    expect(f.unknownSales).toBe(1);
    expect(f.confirmationDelay?.max).toBe(1_000);
    expect(isOrderPathComplete(f)).toBe(true);
  });

  it('has no distributions and is not complete before anything happened', () => {
    const f = orderPathFigures({ orders, sales: [], parcels: [], events: [] });
    expect(f.captureDelay).toBeNull();
    expect(f.confirmationDelay).toBeNull();
    expect(isOrderPathComplete(f)).toBe(false);
    expect(isOrderPathComplete(orderPathFigures({ orders: [], sales: [], parcels: [], events: [] }))).toBe(
      false,
    );
  });
});
