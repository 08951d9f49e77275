import { readMachine, readProc } from './proc-stats';

/** CPU a process used during one phase, in cores (1.0 = one core busy the whole phase). */
export interface ProcessCpu {
  name: string;
  pid: number;
  cores: number;
  peakRssMb: number;
}

export interface PhaseCpu {
  phase: string;
  seconds: number;
  processes: ProcessCpu[];
  /** Cores busy on the whole machine (every process, including other users of it). */
  machineBusyCores: number | null;
  machineCores: number;
}

/** Linux's USER_HZ; /proc times are in these ticks on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/**
 * Measures the CPU each watched process spent between `start()` and `stop()` from /proc, and the
 * whole machine's busy time over the same span, so a report can say how the cores were divided.
 */
export function createCpuMeter(machineCores: number) {
  const watched = new Map<string, number>();
  return {
    watch(name: string, pid: number | undefined): void {
      if (pid !== undefined) watched.set(name, pid);
    },
    unwatch(name: string): void {
      watched.delete(name);
    },
    start(phase: string) {
      const t0 = Date.now();
      const m0 = readMachine();
      const p0 = new Map([...watched].map(([name, pid]) => [name, readProc(pid)]));
      return {
        stop(): PhaseCpu {
          const seconds = (Date.now() - t0) / 1000;
          const m1 = readMachine();
          const processes: ProcessCpu[] = [];
          for (const [name, pid] of watched) {
            const before = p0.get(name);
            const after = readProc(pid);
            if (!before || !after) continue;
            processes.push({
              name,
              pid,
              cores: (after.cpuTicks - before.cpuTicks) / TICKS_PER_SECOND / seconds,
              peakRssMb: after.peakRssBytes / 2 ** 20,
            });
          }
          const machineBusyCores =
            m0 && m1 && m1.total > m0.total
              ? ((m1.busy - m0.busy) / (m1.total - m0.total)) * machineCores
              : null;
          return { phase, seconds, processes, machineBusyCores, machineCores };
        },
      };
    },
  };
}
