import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** CPU time and memory of one process, read from /proc (Linux). */
export interface ProcSample {
  /** user + system CPU time in clock ticks. */
  cpuTicks: number;
  rssBytes: number;
  /** Peak resident set size (VmHWM) since the process started. */
  peakRssBytes: number;
}

/**
 * utime + stime (fields 14 and 15) of a `/proc/<pid>/stat` line. The command name (field 2) may
 * hold spaces and parentheses, so fields are counted after its last `)`.
 */
export function parseStatTicks(stat: string): number {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); utime is field 14.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('unreadable /proc stat line');
  return utime + stime;
}

/** A `VmRSS:  1234 kB` style field of `/proc/<pid>/status`, in bytes (0 when absent). */
export function parseStatusKb(status: string, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** Busy and total ticks of the first (`cpu`) line of `/proc/stat`: the whole machine. */
export function parseMachineTicks(procStat: string): { busy: number; total: number } {
  const fields = (procStat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** Reads one process; undefined once it is gone. */
export function readProc(pid: number): ProcSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      cpuTicks: parseStatTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')),
      rssBytes: parseStatusKb(status, 'VmRSS'),
      peakRssBytes: parseStatusKb(status, 'VmHWM'),
    };
  } catch {
    return undefined;
  }
}

export function readMachine(): { busy: number; total: number } | undefined {
  try {
    return parseMachineTicks(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** Socket inodes listening (state 0A) on `port` in a `/proc/net/tcp` or `tcp6` table. */
export function listeningInodes(table: string, port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const line of table.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    if (f[1]?.split(':')[1] === hexPort && f[3] === '0A') out.push(f[9] as string);
  }
  return out;
}

/**
 * The process listening on a local TCP port (e.g. the broker), found through /proc; undefined when
 * it cannot be seen (another user's process, or not Linux).
 */
export function pidListeningOn(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const t of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      for (const i of listeningInodes(readFileSync(t, 'utf8'), port)) inodes.add(`socket:[${i}]`);
    } catch {
      // table absent
    }
  }
  if (inodes.size === 0) return undefined;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}
