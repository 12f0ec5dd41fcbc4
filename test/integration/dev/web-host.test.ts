// The web dev host carries a signed-in session: only this machine's pages with the token may use
// it, and what they send is parsed like any untrusted input.
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { connect as connectTcp } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startWebHost } from '../../../src/dev/web-host';
import type { WebHost } from '../../../src/dev/web-host';
import { mayCall } from '../../../src/shared/ipc-contract';
import { METHOD_NAMES } from '../../../src/shared/ipc-names';
import type { HostToPage } from '../../../src/shared/web-bridge-protocol';

const hosts: WebHost[] = [];
const warnings: string[] = [];
afterEach(async () => {
  warnings.length = 0;
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function host(): Promise<WebHost> {
  const dir = await mkdtemp(join(tmpdir(), 'renderer-'));
  await writeFile(join(dir, 'popup.html'), '<!doctype html><title>popup</title>');
  const started = await startWebHost({ rendererDir: dir, simulator: { botDelayMs: 10 }, logSink: (level, _scope, message) => (level === 'warn' ? warnings.push(message) : undefined) });
  hosts.push(started);
  return started;
}

/** A GET with headers fetch() will not send (Host). */
function rawStatus(h: WebHost, path: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(h.origin);
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).once('error', reject);
  });
}

/** A real WebSocket upgrade on a bare TCP socket, so the test can then send frames ws would never send. */
async function rawUpgrade(h: WebHost): Promise<Socket> {
  const { port } = new URL(h.origin);
  const socket = connectTcp(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(
    `GET /bridge HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nOrigin: ${h.origin}\r\nCookie: ${h.cookie}\r\n\r\n`,
  );
  const head = await new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))));
  expect(head).toMatch(/^HTTP\/1\.1 101 /);
  return socket;
}

/** A masked client frame; `declared` lies about the payload length (for an oversized frame). */
function frame(opcode: number, payload: Buffer, declared = payload.length): Buffer {
  const mask = randomBytes(4);
  const length = declared < 126 ? Buffer.from([0x80 | declared]) : declared < 65_536 ? Buffer.from([0x80 | 126, declared >> 8, declared & 0xff]) : Buffer.concat([Buffer.from([0x80 | 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(declared)); return b; })()]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from([0x80 | opcode]), length, mask, masked]);
}

/** The close code the host answers with, and that it then closes the connection. */
async function closeCodeAfter(socket: Socket, bytes: Buffer): Promise<number> {
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  socket.write(bytes);
  await closed;
  const data = Buffer.concat(received);
  expect(data[0]).toBe(0x88);
  return data.readUInt16BE(2);
}

function socketUrl(h: WebHost): string {
  return `${h.origin.replace('http', 'ws')}/bridge`;
}

/** Resolves with the socket once open, or with the HTTP status it was refused with. */
function connect(url: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

class Page {
  private next = 1;
  readonly received: HostToPage[] = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.received.push(JSON.parse(String(data)) as HostToPage));
  }
  invoke(method: string, input: unknown): Promise<HostToPage & { t: 'result' }> {
    const id = this.next++;
    this.ws.send(JSON.stringify({ t: 'invoke', id, method, input }));
    return new Promise((resolve) => {
      const check = (): void => {
        const found = this.received.find((m): m is HostToPage & { t: 'result' } => m.t === 'result' && m.id === id);
        if (found !== undefined) resolve(found);
        else setTimeout(check, 5);
      };
      check();
    });
  }
}

async function page(h: WebHost, name = 'popup'): Promise<Page> {
  const ws = await connect(socketUrl(h), { origin: h.origin, cookie: h.cookie });
  if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
  const p = new Page(ws);
  ws.send(JSON.stringify({ t: 'hello', page: name }));
  return p;
}

describe('web dev host', () => {
  it('listens on loopback only and serves the renderer but nothing outside it', async () => {
    const h = await host();
    expect(new URL(h.origin).hostname).toBe('127.0.0.1');
    const ok = await fetch(`${h.origin}/popup.html`, { headers: { cookie: h.cookie } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<title>popup</title>');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/nothing.html', '/%E0%A4%A.html']) {
      expect((await fetch(`${h.origin}${path}`, { headers: { cookie: h.cookie } })).status, path).not.toBe(200);
    }
    expect(h.pageUrl('chat', { conversation: 'x' })).toMatch(/\/chat\.html\?conversation=x&ws=%2Fbridge&token=/);
  });

  it('trades the printed URL\'s token for an HttpOnly, SameSite=Strict cookie and a clean URL', async () => {
    const h = await host();
    const first = await fetch(h.pageUrl('popup', { conversation: 'c1' }), { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/popup.html?conversation=c1&ws=%2Fbridge');
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ucwa-dev-\d+=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(setCookie).not.toContain(h.token);
    const cookie = setCookie.split(';')[0] ?? '';
    expect(cookie).toBe(h.cookie);
    // The clean URL, the page's files and the socket need the cookie, not the token.
    const clean = `${h.origin}${first.headers.get('location') ?? ''}`;
    expect((await fetch(clean)).status).toBe(403);
    expect((await fetch(clean, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${h.origin}/popup.html`, { headers: { cookie: `${cookie.split('=')[0]}=forged` } })).status).toBe(403);
    // The printed URL keeps working (another browser, a second tab); a wrong token does not.
    expect((await fetch(h.pageUrl('settings'), { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(`${h.origin}/popup.html?token=${'x'.repeat(32)}`, { redirect: 'manual' })).status).toBe(403);
    // Another name for this machine is DNS rebinding: refused even with the cookie.
    expect((await rawStatus(h, '/popup.html', { host: `evil.example:${new URL(h.origin).port}`, cookie }))).toBe(403);
    expect((await fetch(`${h.origin}/popup.html`, { method: 'POST', headers: { cookie } })).status).toBe(405);
  });

  it('refuses a socket without the cookie (the token no longer opens it), from another origin or host', async () => {
    const h = await host();
    expect(await connect(`${socketUrl(h)}?token=${encodeURIComponent(h.token)}`, { origin: h.origin })).toBe(403);
    expect(await connect(socketUrl(h), { origin: h.origin })).toBe(403);
    expect(await connect(socketUrl(h), { origin: h.origin, cookie: 'ucwa-dev-1=forged' })).toBe(403);
    expect(await connect(socketUrl(h), { origin: 'https://evil.example', cookie: h.cookie })).toBe(403);
    expect(await connect(socketUrl(h), { cookie: h.cookie })).toBe(403);
    expect(await connect(socketUrl(h), { origin: h.origin, host: 'evil.example', cookie: h.cookie })).toBe(403);
    expect(await connect(`${h.origin.replace('http', 'ws')}/elsewhere`, { origin: h.origin, cookie: h.cookie })).toBe(403);
    const good = await connect(socketUrl(h), { origin: h.origin, cookie: h.cookie });
    expect(good).toBeInstanceOf(WebSocket);
    (good as WebSocket).close();
  });

  it('gives each tab only its page\'s methods, and the page cannot change on a socket', async () => {
    const h = await host();
    const settings = await page(h, 'settings');
    expect((await settings.invoke('signOut', {})).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await settings.invoke('getSnapshot', {})).result).toMatchObject({ ok: true });
    const closed = new Promise<number>((resolve) => settings.ws.once('close', (code) => resolve(code)));
    settings.ws.send(JSON.stringify({ t: 'hello', page: 'popup' }));
    expect(await closed).toBe(1008);
    // Before its hello a tab is nobody.
    const ws = await connect(socketUrl(h), { origin: h.origin, cookie: h.cookie });
    if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
    expect((await new Page(ws).invoke('getSnapshot', {})).result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    ws.close();
  });

  it('answers garbage to every method with invalid-input and changes nothing', async () => {
    const h = await host();
    const p = await page(h);
    const garbage: unknown[] = [null, 42, 'text', [], { unexpected: true }, { query: 7, conversationId: { $gt: '' } }];
    for (const method of METHOD_NAMES) {
      // Methods the popup may not call are refused before their input is read.
      if (!mayCall('popup', method)) {
        expect((await p.invoke(method, null)).result, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        continue;
      }
      if (method === 'ready' || method === 'getSnapshot' || method === 'getSettings' || method === 'signInDemo' || method === 'signOut' || method === 'getContacts' || method === 'openSettings' || method === 'hideWindow') {
        // These take an empty object: anything else in it is refused.
        const answer = await p.invoke(method, { extra: 1 });
        expect(answer.result, method).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
        continue;
      }
      for (const input of garbage) {
        const answer = await p.invoke(method, input);
        expect(answer.result, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
    }
    expect(h.session.snapshot().connection.state).toBe('signed-out');
  });

  it('survives malformed frames: that socket is closed with the right code, the host and other pages carry on', async () => {
    const h = await host();
    const before = await page(h);
    expect((await before.invoke('getSnapshot', {})).result.ok).toBe(true);
    // Invalid UTF-8 in a text frame, a reserved opcode, a frame larger than maxPayload (1 MiB).
    expect(await closeCodeAfter(await rawUpgrade(h), frame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])))).toBe(1007);
    expect(await closeCodeAfter(await rawUpgrade(h), frame(0x3, Buffer.from('hi')))).toBe(1002);
    expect(await closeCodeAfter(await rawUpgrade(h), frame(0x1, Buffer.alloc(0), 2 * 1024 * 1024))).toBe(1009);
    expect(warnings.filter((w) => w === 'closed a socket that sent a malformed frame')).toHaveLength(3);
    expect((await fetch(`${h.origin}/popup.html`, { headers: { cookie: h.cookie } })).status).toBe(200);
    expect((await before.invoke('getSnapshot', {})).result.ok).toBe(true);
    const after = await page(h);
    expect((await after.invoke('signInDemo', {})).result).toMatchObject({ ok: true, value: { uri: 'sip:ana@contoso.com' } });
  });

  it('closes the socket on a message that is not ours', async () => {
    const h = await host();
    const p = await page(h);
    const closed = new Promise<number>((resolve) => p.ws.once('close', (code) => resolve(code)));
    p.ws.send('{"t":"invoke","id":1,"method":"deleteEverything","input":{}}');
    expect(await closed).toBe(1008);
  });

  it('carries the contract: demo sign-in, pushes after ready, opening a chat in the requesting page', async () => {
    const h = await host();
    const p = await page(h);
    expect((await p.invoke('ready', {})).result.ok).toBe(true);
    const signedIn = await p.invoke('signInDemo', {});
    expect(signedIn.result).toMatchObject({ ok: true, value: { uri: 'sip:ana@contoso.com' } });
    expect(p.received.some((m) => m.t === 'event' && m.name === 'sessionChanged')).toBe(true);
    const opened = await p.invoke('openChat', { uri: 'echo@contoso.com' });
    expect(opened.result.ok).toBe(true);
    const open = p.received.find((m) => m.t === 'open');
    expect(open).toMatchObject({ t: 'open', page: 'chat', query: { conversation: opened.result.ok ? opened.result.value : '' } });
  });
});
