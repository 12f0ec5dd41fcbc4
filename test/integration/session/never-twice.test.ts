// Nothing the other side already received is sent twice: a first message whose invitation was
// accepted after we gave up is marked delivered (and Retry has nothing to resend), and a
// conversation the server ended is continued in the same thread (§6.7, §10.21).
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { IpcFailure } from '../../../src/shared/ipc-failure';
import { headlessSession } from '../../../src/main/session/headless-session';
import type { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaEvent } from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { autoAccept, clientFor, startSim } from '../../support/simulator';

interface Pushed {
  readonly name: string;
  readonly payload: unknown;
}

function session(sim: UcwaSimulator, pushes: Pushed[], invitationTimeoutMs: number): SessionService {
  return headlessSession({
    createClient: (o) => new UcwaClient({ ...o, endpointId: 'never-twice-ana', backoffBaseMs: 50, invitationTimeoutMs, deliveryTimeoutMs: 3_000 }),
    demo: { start: async () => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo' }) },
    push: (name, payload) => pushes.push({ name, payload }),
  });
}

const updatesOf = (pushes: Pushed[], id: string): ChatMessage[] => pushes.filter((p) => p.name === 'messageUpdated' && (p.payload as ChatMessage).id === id).map((p) => p.payload as ChatMessage);

describe('never twice', () => {
  it('a first message accepted after the invitation timed out is delivered after all, and Retry does not resend it', async () => {
    // The echo bot answers after 800 ms; Ana gives up after 300 ms and cannot cancel (the server fails it).
    const sim = await startSim({ botDelayMs: 800 });
    sim.control.failNext({ count: 10, status: 500, method: 'POST', path: '/cancel' });
    const pushes: Pushed[] = [];
    const service = session(sim, pushes, 300);
    const handlers = service.handlers();
    await handlers.signInDemo({}, { windowId: 1 });
    const chat = await handlers.openChat({ uri: 'echo@contoso.com' }, { windowId: 1 });
    const sent = await handlers.sendMessage({ conversationId: chat, text: 'only once' }, { windowId: 1 });
    await expect.poll(() => updatesOf(pushes, sent.id).map((m) => m.delivery), { timeout: 5_000 }).toEqual(['failed', 'delivered']);
    const delivered = updatesOf(pushes, sent.id)[1];
    expect(delivered?.deliveryNote).toBe('reachedAfterAll');
    expect(delivered?.failureReason).toBeUndefined();
    // The echo of the first message proves it arrived; it arrives once.
    await expect.poll(() => pushes.filter((p) => p.name === 'messageAdded' && (p.payload as ChatMessage).text === 'Echo: only once').length, { timeout: 5_000 }).toBe(1);
    const retried: unknown = await handlers.retryMessage({ conversationId: chat, messageId: sent.id }, { windowId: 1 }).catch((e: unknown) => e);
    expect(retried).toBeInstanceOf(IpcFailure);
    expect(sim.control.stats().delivered).toBeLessThanOrEqual(2);
    // Writing on goes into the conversation that was accepted late, not a new one.
    const starts = (): number => sim.control.requests().filter((r) => r.method === 'POST' && /\/messagingInvitations$/i.test(r.path)).length;
    const before = starts();
    const next = await handlers.sendMessage({ conversationId: chat, text: 'and on' }, { windowId: 1 });
    await expect.poll(() => updatesOf(pushes, next.id).map((m) => m.delivery), { timeout: 5_000 }).toEqual(['delivered']);
    expect(starts()).toBe(before);
    await service.signOut();
  });

  it('a conversation the server ended is continued with its threadId when Ana writes again', async () => {
    const sim = await startSim();
    const ben = clientFor(sim, 'ben@contoso.com');
    await ben.signIn();
    await ben.makeMeAvailable();
    autoAccept(ben);
    const invitations: Extract<UcwaEvent, { type: 'incomingInvitation' }>[] = [];
    ben.on((e) => {
      if (e.type === 'incomingInvitation') invitations.push(e);
    });
    const pushes: Pushed[] = [];
    const service = session(sim, pushes, 3_000);
    const handlers = service.handlers();
    await handlers.signInDemo({}, { windowId: 1 });
    const chat = await handlers.openChat({ uri: 'ben@contoso.com' }, { windowId: 1 });
    const first = await handlers.sendMessage({ conversationId: chat, text: 'first' }, { windowId: 1 });
    await expect.poll(() => updatesOf(pushes, first.id).map((m) => m.delivery), { timeout: 5_000 }).toEqual(['delivered']);
    expect(invitations[0]?.threadId).toBeDefined();

    // The server ends the idle conversation (it is deleted on Ana's side).
    expect(sim.control.endConversations('ana@contoso.com')).toBe(1);
    await expect.poll(() => service.snapshot().conversations.find((c) => c.id === chat)?.state).toBe('ended');
    const again = await handlers.sendMessage({ conversationId: chat, text: 'again' }, { windowId: 1 });
    await expect.poll(() => updatesOf(pushes, again.id).map((m) => m.delivery), { timeout: 5_000 }).toEqual(['delivered']);
    expect(invitations).toHaveLength(2);
    expect(invitations[1]?.threadId).toBe(invitations[0]?.threadId);
    await service.signOut();
  });
});
