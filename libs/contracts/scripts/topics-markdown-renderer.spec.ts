import { replaceReadmeBlock } from './topics-markdown-renderer';

describe('replaceReadmeBlock', () => {
  it('replaces only what lies between the markers', () => {
    const readme = '# Title\n\n<!-- topics:start -->\nold\n<!-- topics:end -->\n\nMore.\n';
    expect(replaceReadmeBlock(readme, 'new')).toBe(
      '# Title\n\n<!-- topics:start -->\n\nnew\n\n<!-- topics:end -->\n\nMore.\n',
    );
  });

  it('fails clearly when the markers are missing', () => {
    expect(() => replaceReadmeBlock('# Title\n', 'new')).toThrow(/topics:start/);
  });
});
