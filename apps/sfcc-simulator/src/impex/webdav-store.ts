/** Files uploaded to the IMPEX WebDAV share, by path below `Sites/Impex/`. */
export function createWebdavStore() {
  const files = new Map<string, { content: Buffer; modified: number }>();
  return {
    put(path: string, content: Buffer, now: number): 'created' | 'replaced' {
      const existed = files.has(path);
      files.set(path, { content, modified: now });
      return existed ? 'replaced' : 'created';
    },
    get: (path: string) => files.get(path)?.content,
    delete: (path: string) => files.delete(path),
    list: () =>
      [...files.entries()].map(([path, f]) => ({
        path,
        size: f.content.length,
        modified: new Date(f.modified).toISOString(),
      })),
    reset: () => files.clear(),
  };
}

export type WebdavStore = ReturnType<typeof createWebdavStore>;

/** Normalises a WebDAV path and refuses traversal; undefined when it is not a usable file path. */
export function normaliseImpexPath(raw: string): string | undefined {
  const segments = decodeURIComponent(raw).split('/').filter(Boolean);
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..')) return undefined;
  return segments.join('/');
}
