// The demo server's supervision, with scripted processes: start() only ever gives the address of a
// server that said it is listening; a dead server comes back on the same port, within a budget.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DemoSimulator } from '../../../src/main/platform/demo-simulator';
import type { DemoProcess } from '../../../src/main/platform/demo-simulator';

class ScriptedProcess extends EventEmitter implements DemoProcess {
  readonly stdout = new PassThrough();
  killed = false;
  constructor(readonly args: string[]) {
    super();
  }
  listen(port: number): void {
    this.stdout.write(`UCWA simulator listening on http://127.0.0.1:${port}\n`);
  }
  die(code = 1): void {
    this.emit('exit', code);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 15);
    return true;
  }
}

function setup(maxRestarts = 3) {
  const processes: ScriptedProcess[] = [];
  const log: string[] = [];
  let clock = 0;
  const demo = new DemoSimulator({
    fork: (modulePath, args, options) => {
      expect(modulePath).toBe('/app/out/cli/ucwa-tray.mjs');
      expect(options).toEqual({ serviceName: 'UCWA Tray demo server', stdio: ['ignore', 'pipe', 'inherit'] });
      const p = new ScriptedProcess(args);
      processes.push(p);
      return p;
    },
    modulePath: '/app/out/cli/ucwa-tray.mjs',
    log: { warn: (m) => log.push(`warn ${m}`), error: (m) => log.push(`error ${m}`) },
    backoffBaseMs: 1,
    maxRestarts,
    now: () => clock,
  });
  return { demo, processes, log, advance: (ms: number) => (clock += ms) };
}

/** Resolves when the nth process has been forked (restarts wait out a backoff first). */
async function forked(processes: ScriptedProcess[], n: number): Promise<ScriptedProcess> {
  for (let i = 0; i < 200 && processes.length < n; i++) await new Promise((resolve) => setTimeout(resolve, 2));
  const p = processes[n - 1];
  if (p === undefined) throw new Error(`process ${n} was never forked`);
  return p;
}

describe('demo simulator supervision', () => {
  it('starts once on a free port and gives the address it listens on, with the demo account', async () => {
    const { demo, processes } = setup();
    const first = demo.start();
    const second = demo.start();
    (await forked(processes, 1)).listen(41001);
    expect(await first).toEqual({ server: 'http://127.0.0.1:41001', user: 'ana@contoso.com', password: 'demo' });
    expect(await second).toEqual(await first);
    expect(processes).toHaveLength(1);
    expect(processes[0]?.args).toEqual(['sim', '--port', '0']);
  });

  it('restarts a server that died on the same port; start() meanwhile waits for the new one', async () => {
    const { demo, processes, log } = setup();
    const started = demo.start();
    (await forked(processes, 1)).listen(41002);
    await started;
    processes[0]?.die(9);
    const during = demo.start();
    const second = await forked(processes, 2);
    expect(second.args).toEqual(['sim', '--port', '41002']);
    // Not answered while the new server has not said it listens (the race settles at once).
    expect(await Promise.race([during.then(() => 'answered'), Promise.resolve('waiting')])).toBe('waiting');
    second.listen(41002);
    expect((await during).server).toBe('http://127.0.0.1:41002');
    expect(log).toEqual(['warn the demo server stopped; restarting it']);
  });

  it('follows a restart when the server dies before it listens', async () => {
    const { demo, processes } = setup();
    const started = demo.start();
    (await forked(processes, 1)).die(1);
    (await forked(processes, 2)).listen(41003);
    expect((await started).server).toBe('http://127.0.0.1:41003');
  });

  it('gives up after too many restarts in a minute (a waiting start() fails), then a new start() begins afresh', async () => {
    const { demo, processes, log } = setup(2);
    const started = demo.start();
    (await forked(processes, 1)).listen(41004);
    await started;
    processes[0]?.die();
    const waiting = demo.start();
    (await forked(processes, 2)).die();
    (await forked(processes, 3)).die();
    await expect(waiting).rejects.toThrow(/stopped/);
    // Giving up is decided when the process exits: no restart was scheduled.
    expect(log.at(-1)).toBe('error the demo server keeps stopping; not restarting it');
    expect(processes).toHaveLength(3);
    const again = demo.start();
    const fresh = await forked(processes, 4);
    expect(fresh.args).toEqual(['sim', '--port', '0']);
    fresh.listen(41005);
    expect((await again).server).toBe('http://127.0.0.1:41005');
  });

  it('counts only the last minute\'s restarts', async () => {
    const { demo, processes, log, advance } = setup(2);
    const started = demo.start();
    (await forked(processes, 1)).listen(41007);
    await started;
    for (let n = 1; n <= 4; n++) {
      processes[n - 1]?.die();
      (await forked(processes, n + 1)).listen(41007);
      advance(31_000);
    }
    expect((await demo.start()).server).toBe('http://127.0.0.1:41007');
    expect(log.filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it('does not restart a server it stopped itself; a later start() begins afresh', async () => {
    const { demo, processes, log } = setup();
    const started = demo.start();
    (await forked(processes, 1)).listen(41006);
    await started;
    demo.stop();
    expect(processes[0]?.killed).toBe(true);
    // The exit it caused is handled at once: no restart scheduled (that would log a warning first).
    expect(log).toEqual([]);
    const again = demo.start();
    const fresh = await forked(processes, 2);
    expect(fresh.args).toEqual(['sim', '--port', '0']);
    fresh.listen(41008);
    expect((await again).server).toBe('http://127.0.0.1:41008');
  });
});
