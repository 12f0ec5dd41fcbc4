// `ucwa-tray sim --profile strict --seed N` as a real process: it says its profile and seed, and
// serves the profile it was asked for.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = ['--import', 'tsx', join(import.meta.dirname, '../../../src/cli/main.ts')];

/** Starts the command and resolves with its output once `ready` matches it, or once it exits. */
function runSim(args: string[], ready: RegExp): Promise<{ output: string; code: number | null; stop: () => Promise<void> }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, 'sim', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const stop = async (): Promise<void> => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready.test(output)) resolve({ output, code: null, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => resolve({ output, code, stop }));
  });
}

describe('ucwa-tray sim', () => {
  it('--profile strict --seed 42: prints the seed and serves the strict profile', async () => {
    const run = await runSim(['--port', '0', '--profile', 'strict', '--seed', '42'], /replay: ucwa-tray sim --profile strict --seed 42\)/);
    try {
      expect(run.output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\nProfile strict, seed 42 /);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output)?.[1] ?? '';
      expect((await fetch(`${url}/autodiscover/autodiscoverservice.svc/root`)).status).toBe(200);
      expect(await (await fetch(`${url}/_sim/stats`)).json()).toMatchObject({ profile: 'strict', seed: 42 });
    } finally {
      await run.stop();
    }
  });

  it('without a seed it picks one and says which', async () => {
    const run = await runSim(['--port', '0'], /Profile default, seed \d+ /);
    await run.stop();
    expect(run.output).toMatch(/Profile default, seed \d+ \(replay: ucwa-tray sim --profile default --seed \d+\)/);
  });

  it('refuses an unknown profile or a bad seed with one line and exit 2', async () => {
    for (const [args, message] of [
      [['--profile', 'lenient'], '--profile must be one of default, strict'],
      [['--seed', '1.5'], '--seed must be an integer'],
    ] as const) {
      const run = await runSim([...args], /^$/);
      expect(run.code).toBe(2);
      expect(run.output.trim()).toMatch(new RegExp(`^ucwa-tray sim: ${message}`));
    }
  });
});
