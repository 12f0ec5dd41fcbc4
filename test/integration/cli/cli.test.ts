// The ucwa-tray CLI run as a real process against the simulator.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSim } from '../../support/simulator';

const CLI = ['--import', 'tsx', join(import.meta.dirname, '../../../src/cli/main.ts')];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: string[], env: Record<string, string>, onStdout?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args], { env: { ...process.env, UCWA_TRAY_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ucwa-cli-')), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStdout?.(stdout + stderr, child);
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ucwa-tray CLI', () => {
  it('send: exit 0 once delivered; the echo bot got it', async () => {
    const sim = await startSim();
    const run = await runCli(['send', '--to', 'echo@contoso.com', '--subject', 'Hi', 'hello from the CLI'], { UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.stderr.trim()).toBe('delivered to echo@contoso.com');
    expect(run.code).toBe(0);
    expect(sim.control.stats().delivered).toBeGreaterThanOrEqual(1);
    // Signed out: the application was deleted.
    expect(sim.appsOf('ana@contoso.com')).toHaveLength(0);
  });

  it('send: exit 1 with one clear line for a wrong password, an unknown recipient, an unreachable server', async () => {
    const sim = await startSim();
    const env = { UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' };
    const cases: [Record<string, string>, string[], RegExp][] = [
      [{ ...env, UCWA_PASSWORD: 'Pa55-Secret!' }, ['send', '--to', 'ben@contoso.com', 'x'], /^ucwa-tray send: The address or password is not right\. Check them and try again\.$/],
      [env, ['send', '--to', 'nobody@contoso.com', 'x'], /^ucwa-tray send: The server said: The address was not found\.$/],
      [{ ...env, UCWA_SERVER: 'http://127.0.0.1:1' }, ['send', '--to', 'ben@contoso.com', 'x'], /^ucwa-tray send: Cannot reach 127\.0\.0\.1:1/],
    ];
    for (const [caseEnv, args, pattern] of cases) {
      const run = await runCli(args, caseEnv);
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(pattern);
      expect(run.stderr + run.stdout).not.toContain('Pa55-Secret!');
    }
  });

  it('flags win over the environment, and usage errors exit 2', async () => {
    const run = await runCli(['send', 'no recipient'], { UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('ucwa-tray send: missing --to ADDRESS');
    const help = await runCli(['listen', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--json');
  });

  it('listen --json: accepts, prints every message once (the invitation\'s first line too), signs out on SIGTERM', async () => {
    const sim = await startSim();
    const env = { UCWA_SERVER: sim.url, UCWA_USER: 'ben@contoso.com', UCWA_PASSWORD: 'demo' };
    let step = 0;
    // Each message is sent once the one before it was printed; a copy of one would print before the
    // last, which ends the run.
    const run = await runCli(['listen', '--json'], env, (text, child) => {
      if (step === 0 && text.includes('listening as')) {
        step = 1;
        sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ben@contoso.com', text: 'first line' });
      } else if (step === 1 && text.includes('"first line"')) {
        step = 2;
        sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ben@contoso.com', text: 'second', html: '<b>second</b>' });
      } else if (step === 2 && text.includes('"second"')) {
        step = 3;
        sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ben@contoso.com', text: 'last' });
      } else if (step === 3 && text.includes('"last"')) {
        step = 4;
        child.kill('SIGTERM');
      }
    });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.text)).toEqual(['first line', 'second', 'last']);
    expect(lines[0]).toMatchObject({ from: 'sip:lena@contoso.com', fromName: 'Lena Adler', text: 'first line' });
    expect(lines[0]).not.toHaveProperty('html');
    expect(lines[1]).toMatchObject({ text: 'second', html: '<b>second</b>' });
    expect(lines[0]?.conversation).toBe(lines[1]?.conversation);
    expect(typeof lines[0]?.time).toBe('string');
    expect(sim.appsOf('ben@contoso.com')).toHaveLength(0);
  });
});

describe('ucwa-tray listen recovers', () => {
  it('keeps printing after the server expires its application, each message once', async () => {
    const sim = await startSim();
    const env = { UCWA_SERVER: sim.url, UCWA_USER: 'ben@contoso.com', UCWA_PASSWORD: 'demo' };
    let step = 0;
    const run = await runCli(['listen', '--json'], env, (text, child) => {
      if (step === 0 && text.includes('listening as')) {
        step = 1;
        sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ben@contoso.com', text: 'before' });
      } else if (step === 1 && text.includes('"before"')) {
        step = 2;
        sim.control.expireApplication('ben@contoso.com');
      } else if (step === 2 && (text.match(/^connected$/gm) ?? []).length >= 2) {
        step = 3;
        sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ben@contoso.com', text: 'after' });
      } else if (step === 3 && text.includes('"after"')) {
        step = 4;
        sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ben@contoso.com', text: 'end' });
      } else if (step === 4 && text.includes('"end"')) {
        step = 5;
        child.kill('SIGTERM');
      }
    });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text)).toEqual(['before', 'after', 'end']);
    expect(run.stderr).toMatch(/reconnecting/);
  });
});

describe('ucwa-tray presence, contacts and search', () => {
  it('contacts --json lists every group with members and availability', async () => {
    const sim = await startSim();
    const run = await runCli(['contacts', '--json'], { UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { groups: { name: string; kind: string; contacts: { uri: string; name?: string; availability?: string }[] }[] };
    expect(parsed.groups.map((g) => g.kind)).toEqual(['pinned', 'default', 'group', 'distribution']);
    const staff = parsed.groups.find((g) => g.kind === 'distribution');
    expect(staff?.contacts.map((c) => c.name)).toEqual(['Ana Ruiz', 'Ben Osei', 'Carl Berg', 'Dana Kim']);
    expect(parsed.groups[0]?.contacts[0]).toMatchObject({ uri: 'sip:echo@contoso.com', availability: 'Online' });
  });

  it('presence set validates the availability; search prints matches with presence', async () => {
    const sim = await startSim();
    const env = { UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' };
    const bad = await runCli(['presence', 'set', 'lunch'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/availability must be one of Online, Busy/);
    const set = await runCli(['presence', 'set', 'busy', '--note', 'Deep work'], env);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('presence set to Busy with note "Deep work"');
    const search = await runCli(['search', 'osei'], env);
    expect(search.code).toBe(0);
    expect(search.stdout.trim()).toMatch(/^Offline\s+Ben Osei <sip:ben@contoso.com>\s+Engineer$/);
  });
});
