// The log file in real use: two clients sign in to the simulator and exchange messages with the
// file sink attached, then the file is searched for every secret that crossed the wire. And a
// real disk that fills up under the log (a tmpfs, where mounting is allowed).
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appLogSink } from '../../../src/main/logging/app-log-sink';
import { RotatingLogFile } from '../../../src/main/logging/rotating-log-file';
import { DEMO_DIRECTORY } from '../../../src/simulator/index';
import { RecordingAgent } from '../../support/recording-agent';
import { autoAccept, clientFor, startSim } from '../../support/simulator';
import { mountRefusal, mountTmpfs } from '../session/support/disk';
import type { MountedDisk } from '../session/support/disk';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo();
});

describe('the log file', () => {
  it('holds the connection steps and request lines of a sign-in and a chat, and no password, token, Authorization or message text', async () => {
    const passwords = { ana: 'An4&pass=+%word', ben: 'B3n-Secret#99' };
    const directory = { ...DEMO_DIRECTORY, users: DEMO_DIRECTORY.users.map((u) => (u.uri === 'sip:ana@contoso.com' ? { ...u, password: passwords.ana } : u.uri === 'sip:ben@contoso.com' ? { ...u, password: passwords.ben } : u)) };
    const sim = await startSim({ directory });
    const dir = mkdtempSync(join(tmpdir(), 'ucwa-log-file-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = new RotatingLogFile({ dir });
    const logSink = appLogSink({ file, echo: [] });
    const agent = new RecordingAgent();
    const ana = clientFor(sim, 'ana@contoso.com', { password: passwords.ana, logSink, dispatcher: agent });
    const ben = clientFor(sim, 'ben@contoso.com', { password: passwords.ben, logSink, dispatcher: agent });
    await Promise.all([ana.signIn(), ben.signIn()]);
    await Promise.all([ana.makeMeAvailable(), ben.makeMeAvailable()]);
    autoAccept(ben);
    const texts = ['Lunch plan: the blue door at 12:30', 'Agreed <b>12:30</b> & bring the Q3 numbers'];
    const conversation = await ana.startConversation({ to: 'sip:ben@contoso.com', subject: 'Private subject line' });
    const arrived = ben.waitFor('messageReceived', (e) => e.text === texts[0]);
    await ana.sendMessage(conversation, { text: texts[0] ?? '' });
    const incoming = await arrived;
    const answered = ana.waitFor('messageReceived', (e) => e.text.startsWith('Agreed'));
    await ben.sendMessage(incoming.conversationId, { text: 'Agreed 12:30 & bring the Q3 numbers', html: texts[1] ?? '' });
    await answered;
    await Promise.all([ana.signOut(), ben.signOut()]);
    file.close();

    const log = file.tail(100_000).join('\n');
    // It is a useful log: sign-in, the token request, the event channel, the message POSTs, sign-out.
    expect(log).toMatch(/DEBUG ucwa: POST \/WebTicket\/oauthtoken -> 200 in \d+ ms/);
    expect(log).toMatch(/INFO {2}ucwa: signed in \{"origin":"http:\/\/127\.0\.0\.1:\d+"/);
    expect(log).toMatch(/DEBUG ucwa: POST \/ucwa\/oauth\/v1\/applications -> 201 in \d+ ms/);
    expect(log).toMatch(/DEBUG ucwa: POST \/ucwa\/oauth\/v1\/applications\/\S+\/messaging\/messages -> 201 in \d+ ms/);
    expect(log).toMatch(/DEBUG ucwa: GET \/ucwa\/oauth\/v1\/applications\/\S+\/events -> 200 in \d+ ms/);
    expect(log).toMatch(/DEBUG ucwa: DELETE \/ucwa\/oauth\/v1\/applications\/\S+ -> 204 in \d+ ms/);
    // And nothing it must not hold.
    // The Authorization values sent: the tokens to look for.
    const authorizations = new Set(agent.sent.flatMap((r) => /^Bearer (cwt=.+)$/.exec(r.headers.authorization ?? '')?.[1] ?? []));
    expect(authorizations.size).toBeGreaterThanOrEqual(2);
    for (const token of authorizations) expect(log).not.toContain(token.slice(4));
    for (const password of Object.values(passwords)) {
      expect(log).not.toContain(password);
      expect(log).not.toContain(encodeURIComponent(password));
    }
    expect(log).not.toMatch(/cwt=(?!\[redacted\])/);
    expect(log).not.toMatch(/Bearer (?!\[redacted\])/);
    expect(log).not.toMatch(/authorization/i);
    expect(log).not.toMatch(/operationId=|\?/);
    for (const text of [...texts, 'Lunch plan', 'Q3 numbers', 'Private subject line']) expect(log).not.toContain(text);
  });

  it('a real disk that fills up: writes stop with one note, nothing throws, and the file works again once there is room', (context) => {
    if (mountRefusal !== undefined) {
      console.log(`log file on a full disk: skipped, ${mountRefusal} (the fault-layer variant in test/unit/diagnostics runs instead)`);
      context.skip();
    }
    const disk: MountedDisk = mountTmpfs('64k');
    cleanup.push(() => disk.unmount());
    let now = 0;
    const notes: string[] = [];
    const stderr: string[] = [];
    const file = new RotatingLogFile({ dir: join(disk.dir, 'logs'), maxBytes: 1024 * 1024, notice: (t) => notes.push(t), now: () => now, retryAfterMs: 1_000 });
    const sink = appLogSink({ file, echo: [], stderr: (l) => stderr.push(l) });
    let written = 0;
    for (let i = 0; i < 2_000 && !file.degraded; i++) {
      sink('debug', 'ucwa', `GET /ucwa/oauth/v1/applications/123/events -> 200 in ${i} ms`, { i });
      if (!file.degraded) written++;
    }
    expect(file.degraded).toBe(true);
    expect(written).toBeGreaterThan(100);
    expect(notes).toEqual([expect.stringMatching(/cannot write .*ucwa-tray\.log \(ENOSPC\); logging to stderr instead$/)]);
    expect(stderr).toHaveLength(1);
    expect(() => sink('info', 'session', 'still full', undefined)).not.toThrow();
    disk.remount('size=2m');
    now += 1_000;
    sink('info', 'session', 'room again', undefined);
    expect(file.degraded).toBe(false);
    file.close();
    expect(readFileSync(file.path, 'utf8')).toMatch(/INFO {2}session: room again\n$/);
    expect(notes).toHaveLength(1);
  });
});
