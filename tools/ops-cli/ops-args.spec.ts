import { OpsUsageError, parseOpsArgs } from './ops-args';

describe('ops CLI arguments', () => {
  it.each([
    [['sku', 'ABC-1'], { name: 'sku', sku: 'ABC-1' }],
    [['order', '00001234'], { name: 'order', orderNo: '00001234' }],
    [['resync', 'A', 'B', 'A'], { name: 'resync', skus: ['A', 'B'], all: false }],
    [['resync', '--all'], { name: 'resync', skus: [], all: true }],
    [['dlq', 'list'], { name: 'dlq-list' }],
    [
      ['dlq', 'replay', 'wair.stock.v1.dlq', '--dry-run'],
      { name: 'dlq-replay', topic: 'wair.stock.v1.dlq', dryRun: true },
    ],
    [[], { name: 'help' }],
    [['sku', 'X', '--help'], { name: 'help' }],
  ])('parses %j', (argv, command) => {
    expect(parseOpsArgs(argv).command).toEqual(command);
  });

  it('parses exception filters and global flags', () => {
    expect(
      parseOpsArgs([
        'exceptions',
        '--owner',
        'MERCH,OPS',
        '--type',
        'SKU_MISMATCH',
        '--limit',
        '20',
        '--json',
        '--auditor-url',
        'http://a:1',
      ]),
    ).toEqual({
      command: {
        name: 'exceptions',
        filters: {
          owner: 'MERCH,OPS',
          type: 'SKU_MISMATCH',
          severity: undefined,
          state: undefined,
          subject: undefined,
          limit: 20,
          offset: undefined,
        },
      },
      flags: {
        json: true,
        auditorUrl: 'http://a:1',
        writerUrl: undefined,
        brokers: undefined,
        timeoutMs: undefined,
      },
    });
  });

  it.each([
    [['bogus'], 'unknown command "bogus"'],
    [['sku'], 'sku needs exactly one SKU id'],
    [['sku', 'A', 'B'], 'sku needs exactly one SKU id'],
    [['resync'], 'resync needs one or more SKUs, or --all'],
    [['resync', 'A', '--all'], 'resync takes either SKUs or --all, not both'],
    [['sku', 'A', '--owner', 'OPS'], '--owner does not apply to "sku"'],
    [['dlq', 'list', '--dry-run'], '--dry-run does not apply to "dlq list"'],
    [['dlq', 'replay', 'wair.stock.v1'], 'dlq replay needs a *.dlq topic'],
    [['dlq'], 'dlq needs "list" or "replay <topic.dlq>"'],
    [['exceptions', '--limit', 'ten'], '--limit must be a whole number'],
    [['exceptions', 'MERCH'], 'exceptions takes filters as options'],
    [['sku', 'A', '--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseOpsArgs(argv)).toThrow(OpsUsageError);
    expect(() => parseOpsArgs(argv)).toThrow(message);
  });
});
