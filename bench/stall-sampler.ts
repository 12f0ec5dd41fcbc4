// The longest time the event loop did not come round, measured two ways: wall clock (what a user
// would feel on this machine now, including time the OS gave the CPU to other processes) and the
// CPU time the main thread used over the same gap (the work done without yielding: what the code
// costs, and what a user feels on an otherwise idle machine). On a busy machine the two differ a lot.
// The main thread's own CPU time comes from Linux's /proc/thread-self/schedstat (nanoseconds);
// elsewhere the process's CPU time stands in, which also counts V8's GC helper threads and so
// reads higher.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface StallFigures {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Whose CPU time `cpuMs` is. */
  readonly cpuClock: 'main thread' | 'process';
  /** The process's CPU time over the longest such gap (GC helper threads included). */
  readonly processCpuMs: number;
}

const SCHEDSTAT = '/proc/thread-self/schedstat';

function mainThreadCpuMs(): number | undefined {
  try {
    const nanoseconds = Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]);
    return Number.isFinite(nanoseconds) ? nanoseconds / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export class StallSampler {
  private timer: NodeJS.Timeout | undefined;
  private lastWall = 0;
  private lastCpu = 0;
  private maxWall = 0;
  private maxCpu = 0;
  private lastProcessCpu = 0;
  private maxProcessCpu = 0;
  private readonly cpuClock: StallFigures['cpuClock'] = mainThreadCpuMs() === undefined ? 'process' : 'main thread';
  private readonly cpuMs = this.cpuClock === 'main thread' ? (): number => mainThreadCpuMs() ?? 0 : processCpuMs;

  start(): void {
    this.lastWall = performance.now();
    this.lastCpu = this.cpuMs();
    this.lastProcessCpu = processCpuMs();
    this.timer = setInterval(() => {
      const wall = performance.now();
      const cpu = this.cpuMs();
      const processCpu = processCpuMs();
      this.maxWall = Math.max(this.maxWall, wall - this.lastWall);
      this.maxCpu = Math.max(this.maxCpu, Math.min(cpu - this.lastCpu, wall - this.lastWall));
      this.maxProcessCpu = Math.max(this.maxProcessCpu, Math.min(processCpu - this.lastProcessCpu, wall - this.lastWall));
      this.lastWall = wall;
      this.lastCpu = cpu;
      this.lastProcessCpu = processCpu;
    }, 1);
  }

  stop(): StallFigures {
    clearInterval(this.timer);
    return { wallMs: this.maxWall, cpuMs: this.maxCpu, cpuClock: this.cpuClock, processCpuMs: this.maxProcessCpu };
  }
}
