import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { topicCatalogue } from '../src/topic-catalogue';
import { renderAsyncApi } from './asyncapi-renderer';
import type { GeneratedFile } from './generated-file';
import {
  renderReadmeTopicsBlock,
  renderTopicsMarkdown,
  replaceReadmeBlock,
} from './topics-markdown-renderer';

/** Paths of the generated docs, relative to the workspace root. */
export const DOC_PATHS = {
  topics: 'docs/topics.md',
  asyncapi: 'docs/asyncapi.yaml',
  readme: 'README.md',
} as const;

/**
 * Renders the docs generated from the topic catalogue. The README is the current file with only
 * the block between its topic markers replaced, so edits elsewhere in it are kept.
 */
export function renderDocFiles(workspaceRoot: string): GeneratedFile[] {
  const readme = readFileSync(join(workspaceRoot, DOC_PATHS.readme), 'utf8');
  return [
    { path: DOC_PATHS.topics, content: renderTopicsMarkdown(topicCatalogue) },
    { path: DOC_PATHS.asyncapi, content: renderAsyncApi(topicCatalogue) },
    { path: DOC_PATHS.readme, content: replaceReadmeBlock(readme, renderReadmeTopicsBlock(topicCatalogue)) },
  ];
}
