// The longest time the event loop did not come round, measured two ways: wall clock (what a user
// would feel on this machine now, including time the OS gave the CPU to other processes) and this
// process's CPU time over the same gap (the work done without yielding: what the code costs, and
// what a user feels on an otherwise idle machine). On a busy machine the two differ a lot.
import { performance } from 'node:perf_hooks';

export interface StallFigures {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export class StallSampler {
  private timer: NodeJS.Timeout | undefined;
  private lastWall = 0;
  private lastCpu = 0;
  private maxWall = 0;
  private maxCpu = 0;

  start(): void {
    this.lastWall = performance.now();
    this.lastCpu = cpuMs();
    this.timer = setInterval(() => {
      const wall = performance.now();
      const cpu = cpuMs();
      this.maxWall = Math.max(this.maxWall, wall - this.lastWall);
      this.maxCpu = Math.max(this.maxCpu, Math.min(cpu - this.lastCpu, wall - this.lastWall));
      this.lastWall = wall;
      this.lastCpu = cpu;
    }, 1);
  }

  stop(): StallFigures {
    clearInterval(this.timer);
    return { wallMs: this.maxWall, cpuMs: this.maxCpu };
  }
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
