// "Try the demo": the built-in simulator runs in an Electron utility process (the bundled ucwa-tray
// CLI's `sim` command), so the main process never imports simulator code. Not a child of Electron's
// own binary as Node: the RunAsNode fuse is off in the packaged app (electron-builder.yml).
//
// Supervised: if the process dies it is restarted on the same port, so a session signed in to it
// finds it again (its event channel retries, re-authenticates and rebuilds the lost application),
// with a backoff and at most `maxRestarts` restarts in `windowMs`; past that it stays down until the
// next start(). start() resolves only with the address of a server that said it is listening.
import type { DemoPort } from '../session/ports';

/** What we use of Electron's UtilityProcess. */
export interface DemoProcess {
  readonly stdout: NodeJS.ReadableStream | null;
  kill(): boolean;
  once(event: 'exit', listener: (code: number) => void): unknown;
}

export type ForkDemo = (modulePath: string, args: string[], options: { readonly serviceName: string; readonly stdio: ['ignore', 'pipe', 'inherit'] }) => DemoProcess;

export interface DemoSimulatorDeps {
  readonly fork: ForkDemo;
  /** The bundled ucwa-tray CLI (out/cli/ucwa-tray.mjs). */
  readonly modulePath: string;
  readonly log: { warn(message: string, fields?: Record<string, unknown>): void; error(message: string, fields?: Record<string, unknown>): void };
  readonly maxRestarts?: number;
  readonly windowMs?: number;
  readonly backoffBaseMs?: number;
  readonly now?: () => number;
}

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:(\d+))/;

export class DemoSimulator implements DemoPort {
  private child: DemoProcess | undefined;
  /** The live server's address; replaced by the restart's while one is under way. */
  private address: Promise<string> | undefined;
  private port = 0;
  private stopped = false;
  private readonly restarts: number[] = [];

  constructor(private readonly deps: DemoSimulatorDeps) {}

  async start(): Promise<{ server: string; user: string; password: string }> {
    this.stopped = false;
    for (;;) {
      const pending = (this.address ??= this.launch());
      try {
        return { server: await pending, user: 'ana@contoso.com', password: 'demo' };
      } catch (error) {
        // It died while starting: follow the restart if one is under way, else say why.
        if (this.address === pending || this.address === undefined) throw error;
      }
    }
  }

  stop(): void {
    this.stopped = true;
    this.address = undefined;
    this.port = 0;
    this.child?.kill();
    this.child = undefined;
  }

  /** The running process (tests kill it to check the supervision). */
  get process(): DemoProcess | undefined {
    return this.child;
  }

  private launch(): Promise<string> {
    const launched = new Promise<string>((resolve, reject) => {
      const child = this.deps.fork(this.deps.modulePath, ['sim', '--port', String(this.port)], { serviceName: 'UCWA Tray demo server', stdio: ['ignore', 'pipe', 'inherit'] });
      this.child = child;
      let output = '';
      let listening = false;
      // Keep reading stdout for the process's life, or a full pipe would block it.
      child.stdout?.on('data', (chunk: Buffer) => {
        if (listening) return;
        output += chunk.toString();
        const match = LISTENING.exec(output);
        if (match?.[1] === undefined) return;
        listening = true;
        this.port = Number(match[2]);
        resolve(match[1]);
      });
      child.once('exit', (code) => {
        reject(new Error(`The demo server stopped (exit ${code}).`));
        if (this.child === child) this.died(code);
      });
    });
    launched.catch(() => undefined);
    return launched;
  }

  private died(code: number): void {
    this.child = undefined;
    if (this.stopped) return;
    const now = (this.deps.now ?? Date.now)();
    const windowMs = this.deps.windowMs ?? 60_000;
    while (this.restarts.length > 0 && (this.restarts[0] ?? 0) <= now - windowMs) this.restarts.shift();
    if (this.restarts.length >= (this.deps.maxRestarts ?? 3)) {
      this.deps.log.error('the demo server keeps stopping; not restarting it', { code, restarts: this.restarts.length });
      this.address = undefined;
      this.port = 0;
      this.restarts.length = 0;
      return;
    }
    const delay = (this.deps.backoffBaseMs ?? 500) * 2 ** this.restarts.length;
    this.restarts.push(now);
    this.deps.log.warn('the demo server stopped; restarting it', { code, delayMs: delay });
    const restarted = new Promise<void>((resolve) => setTimeout(resolve, delay).unref()).then(() => {
      if (this.stopped) throw new Error('The demo server was stopped.');
      return this.launch();
    });
    restarted.catch(() => undefined);
    this.address = restarted;
  }
}
