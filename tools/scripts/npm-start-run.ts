import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** `npm start` as a test runs it: its own process group, its output captured and awaitable. */
export interface NpmStartRun {
  child: ChildProcess;
  /** The process group: the tsx wrapper, start.ts and every app it spawned. */
  pgid: number;
  stdout(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects on timeout or exit before it. */
  printed(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or signal) once the wrapper ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group. */
  interrupt(): void;
  /** Last lines of every app's log, for a failure message. */
  logTails(lines?: number): string;
}

/**
 * Runs the real `npm start` entry (tsx tools/scripts/start.ts, as package.json's script does)
 * in a process group of its own, so a test can interrupt it like a terminal and then check that
 * nothing of it is left.
 */
export function runNpmStart(env: NodeJS.ProcessEnv, logsDir: string): NpmStartRun {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['tools/scripts/start.ts'], {
    cwd: ROOT,
    env: { ...env, START_LOGS_DIR: logsDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('npm start did not spawn');
  const pgid = child.pid;
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  return {
    child,
    pgid,
    stdout: () => out,
    exited,
    printed(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const match = out.match(pattern);
          if (match) finish(() => resolve(match));
          return match !== null;
        };
        const onExit = (): void =>
          finish(() => reject(new Error(`npm start exited before printing ${pattern}:\n${out}\n${err}`)));
        const timer = setTimeout(
          () =>
            finish(() => reject(new Error(`npm start did not print ${pattern} in ${timeoutMs} ms:\n${out}`))),
          timeoutMs,
        );
        const finish = (settle: () => void): void => {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          child.off('exit', onExit);
          settle();
        };
        if (check()) return;
        if (done) return onExit();
        child.stdout?.on('data', check);
        child.once('exit', onExit);
      });
    },
    interrupt: () => process.kill(-pgid, 'SIGINT'),
    logTails(lines = 15) {
      if (!fs.existsSync(logsDir)) return '(no logs)';
      return fs
        .readdirSync(logsDir)
        .map((file) => {
          const text = fs.readFileSync(path.join(logsDir, file), 'utf8').trimEnd().split('\n');
          return `--- ${file}\n${text.slice(-lines).join('\n')}`;
        })
        .join('\n');
    },
  };
}

/** Live processes of a process group with their command lines (from /proc: Linux). */
export function groupMembers(pgid: number): Array<{ pid: number; cmdline: string }> {
  const out: Array<{ pid: number; cmdline: string }> = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state, ppid, pgrp, ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z' || Number(fields[2]) !== pgid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      out.push({ pid: Number(entry), cmdline });
    } catch {
      // The process ended while the table was read.
    }
  }
  return out;
}

/** Whether something accepts connections on a loopback port. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
