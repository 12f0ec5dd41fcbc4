// "Try the demo": the built-in simulator runs as a child process (the bundled ucwa-tray CLI under
// Electron's own Node), so the main process never imports simulator code.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { DemoPort } from '../session/ports';

export class DemoSimulator implements DemoPort {
  private child: ChildProcess | undefined;
  private url: Promise<string> | undefined;

  constructor(
    private readonly nodeBinary: string,
    private readonly cliPath: string,
  ) {}

  async start(): Promise<{ server: string; user: string; password: string }> {
    this.url ??= new Promise<string>((resolve, reject) => {
      const child = spawn(this.nodeBinary, [this.cliPath, 'sim', '--port', '0'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      this.child = child;
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`The demo server stopped (exit ${code ?? 'signal'}).`)));
      child.once('error', reject);
    });
    return { server: await this.url, user: 'ana@contoso.com', password: 'demo' };
  }

  stop(): void {
    this.child?.kill();
  }
}
