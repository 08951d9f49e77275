import { renderExceptions, renderOrder, renderSku } from './lookup.render';
import { exceptionRow, skuView, T } from './ops-test-data';
import { renderTable } from './text-table';

describe('rendering', () => {
  it('aligns columns, right-aligns numbers and prints "-" for missing cells', () => {
    expect(
      renderTable(
        ['name', 'n'],
        [
          ['a', 1],
          ['long name', 100],
          [null, 7],
        ],
      ),
    ).toBe(
      ['name         n', '---------  ---', 'a            1', 'long name  100', '-            7'].join('\n'),
    );
  });

  it('renders the SKU look-up as readable sections', () => {
    const text = renderSku(skuView);
    expect(text).toContain('SKU ABC-1 — NOT sellable in SFCC: NOT_IN_CATALOG (no SFCC product ABC-1)');
    expect(text).toContain('WAIR stock (as of 2026-11-27T10:00:00Z, sequence 42, DELTA)');
    expect(text).toMatch(/WEB01\s+12\s+2\s+10/);
    expect(text).toMatch(/inventory_webshop\s+WEB01\+DC01\s+7\s+10\s+1\s+2\s+-\s+-\s+-\s+9\s+9/);
    expect(text).toMatch(/O-1\s+2026-11-27T10:00:00Z\s+CAPTURED\s+1/);
    expect(text).toMatch(/SKU_MISMATCH\s+HIGH\s+OPEN\s+MERCH\s+ABC-1/);
  });

  it('renders an order timeline in order and says when nothing is known', () => {
    const text = renderOrder({
      orderNo: 'O-1',
      order: null,
      events: [
        { at: T, kind: 'DISPATCHED', detail: 'D-1: 2 unit(s) with DHL' },
        { at: null, kind: 'CONFIRMATION_PENDING', detail: 'D-1: not confirmed in SFCC yet' },
      ],
      exceptions: [],
    });
    expect(text).toContain('Order O-1 — not captured from SFCC');
    expect(text.indexOf('DISPATCHED')).toBeLessThan(text.indexOf('CONFIRMATION_PENDING'));
    expect(text).toMatch(/-\s+CONFIRMATION_PENDING/);
    expect(text).toMatch(/Exceptions\n\(none\)/);
  });

  it('renders exceptions with a count and paging hint', () => {
    expect(renderExceptions({ total: 3, offset: 0, limit: 1, exceptions: [exceptionRow()] })).toContain(
      '3 exception(s) (showing 1–1; use --limit/--offset)',
    );
    expect(renderExceptions({ total: 0, offset: 0, limit: 500, exceptions: [] })).toBe(
      'No exceptions match (total 0).\n',
    );
  });
});
