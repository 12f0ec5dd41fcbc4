// The session survives losing its application and a server restart: it builds a new one, and
// what was typed meanwhile is delivered, once.
import { describe, expect, it } from 'vitest';
import { errorDetail } from '../../../src/shared/error-detail';
import type { ChatMessage } from '../../../src/shared/domain';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../../../src/main/history/history-store';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { backoffDelay } from '../../../src/main/session/reconnect-backoff';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { createSimulator } from '../../../src/simulator/index';
import { startSim } from '../../support/simulator';

function session(sim: { url: string }, pushes: { name: string; payload: unknown }[], historyRoot?: string, user = 'ana'): SessionService {
  return new SessionService({
    createClient: (o) => new UcwaClient({ ...o, endpointId: `recovery-${user}`, backoffBaseMs: 50, backoffMaxMs: 200, invitationTimeoutMs: 3_000, deliveryTimeoutMs: 3_000 }),
    settings: new InMemorySettings(),
    vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
    windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: () => undefined },
    demo: { start: async () => ({ server: sim.url, user: `${user}@contoso.com`, password: 'demo' }) },
    push: (name, payload) => pushes.push({ name, payload }),
    reconnectBaseMs: 100,
    reconnectMaxMs: 400,
    ...(historyRoot === undefined ? {} : { openHistory: (account: string) => new HistoryStore(historyRoot, account) }),
  });
}

const updates = (pushes: { name: string; payload: unknown }[]): ChatMessage[] => pushes.filter((p) => p.name === 'messageUpdated').map((p) => p.payload as ChatMessage);

describe('session recovery', () => {
  it('after the application expires: reconnects, and a message typed meanwhile is delivered once', async () => {
    const sim = await startSim();
    const pushes: { name: string; payload: unknown }[] = [];
    const service = session(sim, pushes);
    const handlers = service.handlers();
    await handlers.signInDemo({}, { windowId: 1 });
    const chat = await handlers.openChat({ uri: 'echo@contoso.com' }, { windowId: 1 });
    const first = await handlers.sendMessage({ conversationId: chat, text: 'before' }, { windowId: 1 });
    await expect.poll(() => updates(pushes).find((m) => m.id === first.id)?.delivery).toBe('delivered');

    // The server also refuses the first two new applications (503), so the outage lasts a while.
    sim.control.failNext({ count: 2, status: 503, method: 'POST', path: '/ucwa/oauth/v1/applications$' });
    sim.control.expireApplication('ana@contoso.com');
    await expect.poll(() => service.snapshot().connection.nextAttemptAt).toBeGreaterThan(0);
    expect(service.snapshot().connection.state).toBe('reconnecting');
    const typed = await handlers.sendMessage({ conversationId: chat, text: 'during' }, { windowId: 1 });
    expect(typed.delivery).toBe('sending');
    await expect.poll(() => service.snapshot().connection.state, { timeout: 5_000 }).toBe('connected');
    await expect.poll(() => updates(pushes).filter((m) => m.id === typed.id).map((m) => m.delivery), { timeout: 5_000 }).toEqual(['delivered']);
    // The echo of the message typed during the outage arrives exactly once.
    await expect.poll(() => pushes.filter((p) => p.name === 'messageAdded' && (p.payload as ChatMessage).text === 'Echo: during').length).toBe(1);
    // Incoming traffic works on the new application.
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'still there?' });
    await expect.poll(() => pushes.some((p) => p.name === 'messageAdded' && (p.payload as ChatMessage).text === 'still there?')).toBe(true);
  });

  it('after a server restart on the same port: back within seconds, with a bounded number of requests', async () => {
    const first: UcwaSimulator = createSimulator({ botDelayMs: 10 });
    await first.start();
    const port = Number(new URL(first.url).port);
    const pushes: { name: string; payload: unknown }[] = [];
    const service = session(first, pushes);
    await service.handlers().signInDemo({}, { windowId: 1 });
    await first.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = createSimulator({ port, botDelayMs: 10 });
    await second.start();
    try {
      const restartedAt = Date.now();
      await expect.poll(() => service.snapshot().connection.state, { timeout: 8_000 }).toBe('connected');
      expect(Date.now() - restartedAt).toBeLessThan(5_000);
      expect(second.control.requests().length).toBeLessThan(60);
      const chat = await service.handlers().openChat({ uri: 'echo@contoso.com' }, { windowId: 1 });
      const sent = await service.handlers().sendMessage({ conversationId: chat, text: 'after restart' }, { windowId: 1 });
      await expect.poll(() => updates(pushes).find((m) => m.id === sent.id)?.delivery, { timeout: 5_000 }).toBe('delivered');
    } finally {
      await service.signOut();
      await second.stop();
    }
  });

  it('backs off exponentially with jitter, capped', () => {
    const low = { baseMs: 1_000, maxMs: 60_000, random: () => 0 };
    const high = { ...low, random: () => 1 };
    expect([1, 2, 3, 4, 8].map((n) => backoffDelay(n, high))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000]);
    expect(backoffDelay(3, low)).toBe(2_000);
  });

  it('history survives a restart of the app: conversations and their messages come back', async () => {
    const sim = await startSim();
    const root = mkdtempSync(join(tmpdir(), 'ucwa-session-history-'));
    const pushes: { name: string; payload: unknown }[] = [];
    const first = session(sim, pushes, root);
    await first.handlers().signInDemo({}, { windowId: 1 });
    const chat = await first.handlers().openChat({ uri: 'echo@contoso.com' }, { windowId: 1 });
    await first.handlers().sendMessage({ conversationId: chat, text: 'remember me' }, { windowId: 1 });
    await expect.poll(() => pushes.some((p) => p.name === 'messageAdded' && (p.payload as ChatMessage).text === 'Echo: remember me')).toBe(true);
    // Saving is in the background: sign out once both lines (the sent one delivered) are on disk.
    await expect.poll(async () => (await first.handlers().getHistory({ conversationId: chat }, { windowId: 1 })).messages.map((m) => [m.text, m.delivery])).toEqual([['remember me', 'delivered'], ['Echo: remember me', 'delivered']]);
    await first.signOut();

    const second = session(sim, [], root);
    await second.handlers().signInDemo({}, { windowId: 1 });
    expect(second.snapshot().conversations.map((c) => [c.id, c.lastMessage?.text])).toEqual([[chat, 'Echo: remember me']]);
    const page = await second.handlers().getHistory({ conversationId: chat }, { windowId: 1 });
    expect(page.messages.map((m) => [m.text, m.delivery])).toEqual([['remember me', 'delivered'], ['Echo: remember me', 'delivered']]);
    const found = await second.handlers().searchHistory({ query: 'REMEMBER' }, { windowId: 1 });
    expect(found.map((m) => m.text)).toEqual(['Echo: remember me', 'remember me']);
    await second.signOut();
  });

  it('410 Gone on the event channel stops and says why instead of retrying', async () => {
    const sim = await startSim();
    const pushes: { name: string; payload: unknown }[] = [];
    const service = session(sim, pushes);
    await service.handlers().signInDemo({}, { windowId: 1 });
    // A canary with the same timings on a server of its own loses its application the retryable
    // way at the same moment: once it is back, a retry of ours would have reached the server too.
    const canarySim = await startSim();
    const canary = session(canarySim, [], undefined, 'ben');
    await canary.handlers().signInDemo({}, { windowId: 1 });
    sim.control.failNext({ count: 1, status: 410, path: '/events', subcode: 'CannotRedirect' });
    sim.control.dropEventConnections('ana@contoso.com');
    canarySim.control.expireApplication('ben@contoso.com');
    await expect.poll(() => service.snapshot().connection.state).toBe('failed');
    expect(service.snapshot().connection.detail).toEqual(errorDetail('sessionEndedByServer', {}));
    const before = sim.control.requests().length;
    await expect.poll(() => canarySim.appsOf('ben@contoso.com').length).toBe(1);
    await expect.poll(() => canary.snapshot().connection.state).toBe('connected');
    expect(sim.control.requests().length).toBe(before);
    await canary.signOut();
  });
});
