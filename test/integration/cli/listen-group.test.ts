// `ucwa-tray listen` in a group chat (both profiles): the two-party chat it accepted escalates to a
// group as others are added; it prints each message once, each with its own sender, and no line for
// the joins.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { UcwaEvent } from '../../../src/main/ucwa/index';
import { autoAccept, clientFor, describeEachProfile, startSim } from '../../support/simulator';

const CLI = ['--import', 'tsx', join(import.meta.dirname, '../../../src/cli/main.ts')];

function listen(sim: Awaited<ReturnType<typeof startSim>>): { out: () => string; exited: Promise<number | null>; stop: () => void } {
  const child = spawn(process.execPath, [...CLI, 'listen', '--json'], {
    env: { ...process.env, UCWA_TRAY_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ucwa-cli-')), UCWA_SERVER: sim.url, UCWA_USER: 'ben@contoso.com', UCWA_PASSWORD: 'demo' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out: () => text, exited: new Promise((resolve) => child.on('exit', resolve)), stop: () => void child.kill('SIGTERM') };
}

describeEachProfile('ucwa-tray listen in a group chat', (profile) => {
  it('joins a group chat it is invited to (onlineMeetingInvitation) and prints what each member says', async () => {
    const sim = await startSim({ profile });
    const run = listen(sim);
    try {
      await expect.poll(run.out, { timeout: 15_000 }).toContain('listening as');
      expect(sim.control.groupInvite({ from: 'lena@contoso.com', others: ['echo@contoso.com'], to: 'ben@contoso.com', subject: 'Standup' })).toBe(true);
      // Joined once IM is up in Ben's conference: then Lena's words reach him.
      await expect.poll(() => sim.appsOf('ben@contoso.com').some((a) => [...a.conversations.values()].some((c) => c.state === 'Conferenced' && c.messagingState === 'Connected')), { timeout: 10_000 }).toBe(true);
      sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ben@contoso.com', text: 'standup in 5' });
      // The echo bot in the group answers Lena: a second member, a second sender.
      await expect.poll(run.out, { timeout: 10_000 }).toContain('"Echo: standup in 5"');
    } finally {
      run.stop();
    }
    expect(await run.exited).toBe(0);
    const lines = run.out().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { text: string; fromName: string });
    expect(lines.map((l) => `${l.fromName}: ${l.text}`)).toEqual(['Lena Adler: standup in 5', 'Echo Bot: Echo: standup in 5']);
  });

  it('prints every message of three other participants once, each with its own sender', async () => {
    const sim = await startSim({ profile });
    const child = spawn(process.execPath, [...CLI, 'listen', '--json'], {
      env: { ...process.env, UCWA_TRAY_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ucwa-cli-')), UCWA_SERVER: sim.url, UCWA_USER: 'ben@contoso.com', UCWA_PASSWORD: 'demo' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => stdout + stderr, { timeout: 15_000 }).toContain('listening as');
      const ana = clientFor(sim, 'ana@contoso.com');
      const carl = clientFor(sim, 'carl@contoso.com');
      for (const c of [ana, carl]) {
        await c.signIn();
        await c.makeMeAvailable();
      }
      autoAccept(carl);
      let conversation = await ana.startConversation({ to: 'ben@contoso.com', message: { text: 'from ana' } });
      ana.on((e: UcwaEvent) => {
        if (e.type === 'conversationReplaced' && e.conversationId === conversation) conversation = e.by;
      });
      await expect.poll(() => stdout, { timeout: 10_000 }).toContain('"from ana"');
      const carlIn = carl.waitFor('incomingInvitation');
      const carlReady = carl.waitFor('messagingStateChanged', (e) => e.state === 'Connected', 10_000);
      await ana.addParticipant(conversation, 'carl@contoso.com');
      const carlConversation = (await carlIn).conversationId;
      await carlReady;
      const echoIn = ana.waitFor('participantAdded', (e) => e.participant.uri === 'sip:echo@contoso.com', 10_000);
      await ana.addParticipant(conversation, 'echo@contoso.com');
      await echoIn;
      await carl.sendMessage(carlConversation, { text: 'from carl' });
      await expect.poll(() => stdout, { timeout: 10_000 }).toContain('"Echo: from carl"');
      await ana.sendMessage(conversation, { text: 'last from ana' });
      await expect.poll(() => stdout, { timeout: 10_000 }).toContain('"Echo: last from ana"');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; fromName: string; from: string });
    const said = lines.map((l) => `${l.fromName}: ${l.text}`);
    expect([...said].sort()).toEqual(['Ana Ruiz: from ana', 'Ana Ruiz: last from ana', 'Carl Berg: from carl', 'Echo Bot: Echo: from carl', 'Echo Bot: Echo: last from ana']);
    expect(lines.find((l) => l.text === 'from carl')?.from).toBe('sip:carl@contoso.com');
  });
});
