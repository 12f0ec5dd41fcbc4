// The web dev host carries a signed-in session: only this machine's pages with the token may use
// it, and what they send is parsed like any untrusted input.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startWebHost } from '../../../src/dev/web-host';
import type { WebHost } from '../../../src/dev/web-host';
import { METHOD_NAMES } from '../../../src/shared/ipc-names';
import type { HostToPage } from '../../../src/shared/web-bridge-protocol';

const hosts: WebHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function host(): Promise<WebHost> {
  const dir = await mkdtemp(join(tmpdir(), 'renderer-'));
  await writeFile(join(dir, 'popup.html'), '<!doctype html><title>popup</title>');
  const started = await startWebHost({ rendererDir: dir, simulator: { botDelayMs: 10 } });
  hosts.push(started);
  return started;
}

function socketUrl(h: WebHost, token = h.token): string {
  return `${h.origin.replace('http', 'ws')}/bridge?token=${encodeURIComponent(token)}`;
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

async function page(h: WebHost): Promise<Page> {
  const ws = await connect(socketUrl(h), { origin: h.origin });
  if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
  const p = new Page(ws);
  ws.send(JSON.stringify({ t: 'hello', page: 'popup' }));
  return p;
}

describe('web dev host', () => {
  it('listens on loopback only and serves the renderer but nothing outside it', async () => {
    const h = await host();
    expect(new URL(h.origin).hostname).toBe('127.0.0.1');
    const ok = await fetch(`${h.origin}/popup.html`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<title>popup</title>');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/nothing.html', '/%E0%A4%A.html']) {
      expect((await fetch(`${h.origin}${path}`)).status, path).not.toBe(200);
    }
    expect(h.pageUrl('chat', { conversation: 'x' })).toMatch(/\/chat\.html\?conversation=x&ws=%2Fbridge&token=/);
  });

  it('refuses a socket without the token, with a wrong token, from another origin or host', async () => {
    const h = await host();
    expect(await connect(socketUrl(h, 'wrong-token-wrong-token-wrong-tok'), { origin: h.origin })).toBe(403);
    expect(await connect(`${h.origin.replace('http', 'ws')}/bridge`, { origin: h.origin })).toBe(403);
    expect(await connect(socketUrl(h), { origin: 'https://evil.example' })).toBe(403);
    expect(await connect(socketUrl(h), {})).toBe(403);
    expect(await connect(socketUrl(h), { origin: h.origin, host: 'evil.example' })).toBe(403);
    const good = await connect(socketUrl(h), { origin: h.origin });
    expect(good).toBeInstanceOf(WebSocket);
    (good as WebSocket).close();
  });

  it('answers garbage to every method with invalid-input and changes nothing', async () => {
    const h = await host();
    const p = await page(h);
    const garbage: unknown[] = [null, 42, 'text', [], { unexpected: true }, { query: 7, conversationId: { $gt: '' } }];
    for (const method of METHOD_NAMES) {
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
