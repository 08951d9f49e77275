import { computePartitionLag, computeTopicLag } from './consumer-lag';

describe('computePartitionLag', () => {
  it('is end minus committed', () => {
    expect(computePartitionLag('120', '100')).toBe(20n);
    expect(computePartitionLag('100', '100')).toBe(0n);
  });

  it('counts from offset 0 when nothing is committed', () => {
    expect(computePartitionLag('42', '-1')).toBe(42n);
    expect(computePartitionLag('42', undefined)).toBe(42n);
    expect(computePartitionLag('0', '-1')).toBe(0n);
  });

  it('is 0 when the committed offset is ahead of a stale end offset', () => {
    expect(computePartitionLag('100', '105')).toBe(0n);
  });

  it('is exact beyond 2^53', () => {
    // 2^53 + 1 cannot be represented as a double: Number arithmetic would give 2 or 4.
    expect(computePartitionLag('9007199254740993', '9007199254740990')).toBe(3n);
    expect(computePartitionLag('9223372036854775807', '-1')).toBe(9223372036854775807n);
  });

  it('rejects an offset that is not an integer', () => {
    expect(() => computePartitionLag('12a', '1')).toThrow(SyntaxError);
  });
});

describe('computeTopicLag', () => {
  it('sums partitions, ordered by partition, treating missing commits as none', () => {
    const lag = computeTopicLag(
      [
        { partition: 2, offset: '30' },
        { partition: 0, offset: '10' },
        { partition: 1, offset: '20' },
      ],
      [
        { partition: 0, offset: '10' },
        { partition: 1, offset: '-1' },
        { partition: 7, offset: '99' },
      ],
    );
    expect(lag).toEqual({
      partitions: [
        { partition: 0, lag: 0n },
        { partition: 1, lag: 20n },
        { partition: 2, lag: 30n },
      ],
      total: 50n,
    });
  });

  it('sums exactly beyond 2^53', () => {
    const lag = computeTopicLag(
      [
        { partition: 0, offset: '9007199254740993' },
        { partition: 1, offset: '9007199254740993' },
      ],
      [],
    );
    expect(lag.total).toBe(18014398509481986n);
  });
});
