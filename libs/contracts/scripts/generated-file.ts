/** A file the generator produces, with its path relative to the workspace root. */
export interface GeneratedFile {
  /** Workspace-relative path with forward slashes, e.g. `docs/topics.md`. */
  readonly path: string;
  /** Full file content. */
  readonly content: string;
}
