import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';

/** What to fetch through Maven and where to leave it. */
export interface FetchJob {
  label: string;
  mavenArgs: string[];
  /** Written last, so a fetch interrupted half-way is redone. */
  completeMarker: string;
  /** Where Maven's local repository stores the artifact, watched to show progress on big files. */
  watchDir?: string;
  /** Approximate size in bytes, for the progress bar's total. */
  approxBytes: number;
}

export class FetchError extends Error {
  readonly retriable = true;
  constructor(label: string, detail: string) {
    super(`Fetching ${label} with Maven failed: ${detail}`);
    this.name = 'FetchError';
  }
}

function dirBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/**
 * Whether any job still has to run Maven: a job whose completion marker exists is served from the
 * cache, so a machine that has fetched everything once starts the stack without `mvn` installed.
 */
export function mavenNeeded(
  jobs: readonly FetchJob[],
  exists: (file: string) => boolean = fs.existsSync,
): boolean {
  return jobs.some((job) => !exists(job.completeMarker));
}

/** Maven's local repository (`~/.m2/repository` unless overridden). */
export function mavenRepository(env: NodeJS.ProcessEnv = process.env): string {
  return env['MAVEN_REPOSITORY'] ?? path.join(os.homedir(), '.m2', 'repository');
}

/**
 * Runs Maven once for a job unless its marker says it is already done. Progress comes from two
 * sources: Maven's own "Downloaded from" lines (many small jars) and the growth of the watched
 * folder (one big archive, where Maven prints nothing in batch mode).
 */
export async function fetchWithMaven(job: FetchJob, cwd: string): Promise<'cached' | 'fetched'> {
  if (fs.existsSync(job.completeMarker)) return 'cached';
  const bar = new SingleBar(
    {
      format: `  ${job.label.padEnd(18)} [{bar}] {percentage}% | {mb} MB | {files} files`,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let files = 0;
  let downloadedBytes = 0;
  const startBytes = job.watchDir ? dirBytes(job.watchDir) : 0;
  bar.start(job.approxBytes, 0, { mb: '0.0', files: 0 });
  const update = (): void => {
    const watched = job.watchDir ? dirBytes(job.watchDir) - startBytes : 0;
    const value = Math.max(downloadedBytes, watched);
    bar.update(Math.min(value, job.approxBytes), { mb: (value / 1e6).toFixed(1), files });
  };
  const timer = setInterval(update, 500);
  const output: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('mvn', ['-B', ...job.mavenArgs], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      const onData = (chunk: Buffer): void => {
        for (const line of chunk.toString('utf8').split('\n')) {
          output.push(line);
          if (output.length > 200) output.shift();
          const match = /Downloaded from .*\((\d+(?:\.\d+)?) (B|kB|MB) at/.exec(line);
          if (match) {
            files += 1;
            const unit = match[2] === 'MB' ? 1e6 : match[2] === 'kB' ? 1e3 : 1;
            downloadedBytes += Number(match[1]) * unit;
          }
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', (error) => reject(new FetchError(job.label, error.message)));
      child.on('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new FetchError(job.label, `mvn exited with ${code}:\n${output.slice(-30).join('\n')}`)),
      );
    });
    update();
    bar.update(job.approxBytes);
    fs.mkdirSync(path.dirname(job.completeMarker), { recursive: true });
    fs.writeFileSync(job.completeMarker, new Date().toISOString());
    return 'fetched';
  } finally {
    clearInterval(timer);
    bar.stop();
  }
}
