// Leaving a group chat (#16) against the simulator (both profiles): the session DELETEs its
// conversation (§6.7), the others see us go, the chat says "You left", and what the others say
// afterwards does not reach us — neither in the group thread nor in a new thread.
import { expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { autoAccept, clientFor, describeEachProfile, startSim } from '../../support/simulator';

interface Harness {
  readonly service: SessionService;
  readonly pushes: { name: EventName; payload: unknown }[];
}

function harness(sim: UcwaSimulator): Harness {
  const pushes: Harness['pushes'] = [];
  const service = new SessionService({
    createClient: (o) => new UcwaClient({ ...o, endpointId: `session-${o.user}`, backoffBaseMs: 50, invitationTimeoutMs: 3_000, deliveryTimeoutMs: 3_000 }),
    settings: new InMemorySettings(),
    vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
    windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: () => undefined },
    demo: { start: async () => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo' }) },
    push: (name, payload) => pushes.push({ name, payload }),
  });
  return { service, pushes };
}

const ctx = { windowId: 1 };
const addedMessages = (h: Harness): ChatMessage[] => h.pushes.filter((p) => p.name === 'messageAdded').map((p) => p.payload as ChatMessage);
const summaryOf = (h: Harness, id: string): ConversationSummary | undefined => h.service.snapshot().conversations.find((c) => c.id === id);

describeEachProfile('session: leaving a group chat', (profile) => {
  it('Ana leaves a three-person group: Carl sees her go, a "you-left" line, and Carl\'s next message does not reach her', async () => {
    const sim = await startSim({ profile });
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, ctx);
    const ben = clientFor(sim, 'ben@contoso.com');
    const carl = clientFor(sim, 'carl@contoso.com');
    for (const c of [ben, carl]) {
      await c.signIn();
      await c.makeMeAvailable();
      autoAccept(c);
    }
    const carlIn = carl.waitFor('incomingInvitation');
    const carlConnected = carl.waitFor('messagingStateChanged', (e) => e.state === 'Connected', 10_000);
    const id = await h.service.handlers().startGroupChat({ uris: ['ben@contoso.com', 'carl@contoso.com'] }, ctx);
    await h.service.handlers().sendMessage({ conversationId: id, text: 'hello both' }, ctx);
    // Carl's conversation may be replaced by an escalation (§6.8): he writes in the current one.
    let carlConversation = (await carlIn).conversationId;
    carl.on((e) => {
      if (e.type === 'conversationReplaced' && e.conversationId === carlConversation) carlConversation = e.by;
    });
    await carlConnected;
    await expect.poll(() => (summaryOf(h, id)?.participants ?? []).map((p) => p.name).sort(), { timeout: 10_000 }).toEqual(['Ben Osei', 'Carl Berg']);

    const anaGone = carl.waitFor('participantRemoved', (e) => e.participant.uri.toLowerCase() === 'sip:ana@contoso.com', 10_000);
    await expect(h.service.handlers().leaveConversation({ conversationId: id }, ctx)).resolves.toBeNull();
    await anaGone;
    const lines = addedMessages(h).filter((m) => m.conversationId === id && m.system?.kind === 'you-left');
    expect(lines.map((m) => m.system?.who.uri.toLowerCase())).toEqual(['sip:ana@contoso.com']);
    expect(summaryOf(h, id)?.state).toBe('idle');

    // Carl (and Ben) go on without her; nothing of it reaches Ana's chats.
    await carl.sendMessage(carlConversation, { text: 'after ana left' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(addedMessages(h).filter((m) => m.text === 'after ana left')).toEqual([]);
    expect(h.service.snapshot().conversations.map((c) => c.id)).toEqual([id]);
    expect(summaryOf(h, id)?.state).toBe('idle');

    // Leaving again is a no-op: nothing left to leave, no second line.
    await h.service.handlers().leaveConversation({ conversationId: id }, ctx);
    expect(addedMessages(h).filter((m) => m.system?.kind === 'you-left')).toHaveLength(1);
  });
});
