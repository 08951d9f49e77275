import type { LogDestination } from '../logger';

/** Log lines captured in memory; see {@link createLogCapture}. */
export interface LogCapture {
  /** Pass as `destination` to `createLogger`. */
  readonly destination: LogDestination;
  /** The raw JSON lines written so far. */
  lines(): string[];
  /** The lines written so far, parsed. */
  entries(): Array<Record<string, unknown>>;
  clear(): void;
}

/** Captures what a logger writes, so tests can assert on fields (and on what was redacted). */
export function createLogCapture(): LogCapture {
  let lines: string[] = [];
  return {
    destination: {
      write(chunk: string) {
        lines.push(...chunk.split('\n').filter((line) => line.length > 0));
      },
    },
    lines: () => [...lines],
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    clear() {
      lines = [];
    },
  };
}
