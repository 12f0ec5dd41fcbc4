// The fake of Electron's `utilityProcess`: `fork` really starts a Node child on the module (so an
// integration test runs the real demo simulator), with Electron's rules — only after `ready`, stdin
// always ignored, stdout/stderr streams only where they are 'pipe' — and its events: `spawn`,
// `exit` with a numeric code, `message` for what the child sends.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { app } from './app';
import { Emitter } from './emitter';

type Stdio = 'pipe' | 'ignore' | 'inherit';

export interface FakeForkOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly execArgv?: string[];
  readonly cwd?: string;
  readonly stdio?: Stdio[] | Stdio;
  readonly serviceName?: string;
}

/** Electron's mapping of the stdio option (docs: "Currently this option only supports…"). */
function stdioOf(option: FakeForkOptions['stdio']): [Stdio, Stdio] {
  if (option === undefined) return ['inherit', 'inherit'];
  if (typeof option === 'string') return [option, option];
  const [stdin = 'ignore', stdout = 'inherit', stderr = 'inherit'] = option;
  if (stdin !== 'ignore') throw new Error('stdin value other than ignore is not supported.');
  return [stdout, stderr];
}

export class FakeUtilityProcess extends Emitter {
  pid: number | undefined;
  stdout: Readable | null;
  stderr: Readable | null;
  /** Test control: the name Electron shows for it in the task manager. */
  readonly serviceName: string;
  readonly #child: ChildProcess;

  /** Test controls: what it was forked with. */
  readonly modulePath: string;
  readonly args: string[];

  constructor(modulePath: string, args: string[], options: FakeForkOptions) {
    super('UtilityProcess');
    this.modulePath = modulePath;
    this.args = args;
    const [stdout, stderr] = stdioOf(options.stdio);
    this.serviceName = options.serviceName ?? 'Node Utility Process';
    // The test runner's own loader flags must not leak into the child: Electron passes only execArgv.
    this.#child = fork(modulePath, args, { stdio: ['ignore', stdout, stderr, 'ipc'], env: options.env ?? process.env, execArgv: options.execArgv ?? [], ...(options.cwd === undefined ? {} : { cwd: options.cwd }) });
    this.stdout = this.#child.stdout;
    this.stderr = this.#child.stderr;
    this.#child.once('spawn', () => {
      this.pid = this.#child.pid;
      this.emit('spawn');
    });
    this.#child.on('message', (message) => this.emit('message', message));
    this.#child.once('exit', (code, signal) => {
      this.pid = undefined;
      // Electron reports waitpid's status: the signal number for a killed process.
      this.emit('exit', code ?? (signal === null ? 0 : constants.signals[signal]));
      this.stdout = null;
      this.stderr = null;
    });
  }

  kill(): boolean {
    return this.#child.kill('SIGTERM');
  }

  postMessage(message: unknown): void {
    this.#child.send(message as never);
  }

  /** Test control: the OS kills it (a crash, the OOM killer), not our kill(). */
  crash(): void {
    this.#child.kill('SIGKILL');
  }
}

export const utilityProcess = {
  /** Test control: every process forked. */
  forked: [] as FakeUtilityProcess[],
  fork(modulePath: string, args: string[] = [], options: FakeForkOptions = {}): FakeUtilityProcess {
    if (!app.isReady()) throw new Error('utilityProcess cannot be created before app is ready.');
    const child = new FakeUtilityProcess(modulePath, args, options);
    utilityProcess.forked.push(child);
    return child;
  },
};

export function resetUtilityProcessFake(): void {
  for (const child of utilityProcess.forked) if (child.pid !== undefined) child.kill();
  utilityProcess.forked.length = 0;
}
