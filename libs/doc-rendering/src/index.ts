export { renderMarkdownTable, code } from './lib/markdown-table';
