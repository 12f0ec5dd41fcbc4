// Bench work that must run in a process of its own: the simulator (so its CPU does not count as the
// client's stalls or wake-ups), a cold sign-in, idle wake-ups, memory after GC.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const here = import.meta.dirname;

export interface Child {
  readonly process: ChildProcess;
  /** The first line the child prints that starts with `prefix`, without it. */
  line(prefix: string, timeoutMs?: number): Promise<string>;
  stop(): void;
}

/** `bench/<script>` under tsx, with extra node flags (e.g. --expose-gc). */
export function startChild(script: string, args: readonly string[] = [], nodeFlags: readonly string[] = []): Child {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', join(here, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: { prefix: string; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const w = waiting.find((x) => line.startsWith(x.prefix));
    if (w === undefined) lines.push(line);
    else {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(line.slice(w.prefix.length));
    }
  });
  return {
    process: child,
    line: (prefix, timeoutMs = 300_000) =>
      new Promise((resolve, reject) => {
        const early = lines.find((l) => l.startsWith(prefix));
        if (early !== undefined) return resolve(early.slice(prefix.length));
        const timer = setTimeout(() => reject(new Error(`${script}: no "${prefix}" line within ${timeoutMs} ms`)), timeoutMs);
        child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before printing "${prefix}"`)));
        waiting.push({ prefix, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      }),
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}

/** A simulator in its own process; resolves with its URL. */
export async function simulatorChild(options: Record<string, unknown> = {}): Promise<{ url: string; stop: () => void }> {
  const child = startChild('sim-child.ts', [JSON.stringify(options)]);
  const url = await child.line('SIM ');
  return { url, stop: child.stop };
}
