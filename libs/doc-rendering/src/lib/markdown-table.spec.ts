import { code, renderMarkdownTable } from './markdown-table';

describe('renderMarkdownTable', () => {
  it('pads columns like prettier and escapes pipes and newlines', () => {
    expect(renderMarkdownTable(['a', 'long header'], [['x|y', 'multi\nline']])).toBe(
      ['| a    | long header |', '| ---- | ----------- |', '| x\\|y | multi line  |'].join('\n'),
    );
  });

  it('wraps code spans', () => {
    expect(code('KAFKA_BROKERS')).toBe('`KAFKA_BROKERS`');
  });
});
