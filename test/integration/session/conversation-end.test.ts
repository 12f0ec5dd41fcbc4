// The other side ends the conversation: the session says who left, and writing again starts a new
// conversation that delivers — against the simulator, with a real client on the other side.
import { describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { headlessSession } from '../../../src/main/session/headless-session';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { autoAccept, clientFor, startSim } from '../../support/simulator';

describe('the end of a conversation', () => {
  it('Ben leaving shows as "ended by Ben"; writing again restarts it and reaches him', async () => {
    const sim = await startSim();
    const pushes: { name: EventName; payload: unknown }[] = [];
    const session = headlessSession({
      createClient: (o) => new UcwaClient({ ...o, endpointId: 'end-ana', backoffBaseMs: 50, invitationTimeoutMs: 3_000 }),
      demo: { start: async () => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo' }) },
      push: (name, payload) => pushes.push({ name, payload }),
    });
    const handlers = session.handlers();
    await handlers.signInDemo({}, { windowId: 1 });
    const ben = clientFor(sim, 'ben@contoso.com');
    await ben.signIn();
    await ben.makeMeAvailable();
    autoAccept(ben);
    const heard: string[] = [];
    ben.on((e) => void (e.type === 'messageReceived' && heard.push(e.text)));
    const summary = (): ConversationSummary | undefined => session.snapshot().conversations.find((c) => c.id === 'chat:ben@contoso.com');

    const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Hi Ana' } });
    await expect.poll(() => summary()?.state).toBe('connected');
    await ben.leaveConversation(conversation);
    await expect.poll(() => summary()?.state).toBe('ended');
    expect(summary()?.ended).toMatchObject({ by: 'Ben Osei' });
    // The window heard of it as it happened.
    expect(pushes.some((p) => p.name === 'conversationChanged' && (p.payload as ConversationSummary).ended?.by === 'Ben Osei')).toBe(true);

    const again = await handlers.sendMessage({ conversationId: 'chat:ben@contoso.com', text: 'Still there?' }, { windowId: 1 });
    const delivery = (): string | undefined => pushes.filter((p) => p.name === 'messageUpdated').map((p) => p.payload as ChatMessage).filter((m) => m.id === again.id).at(-1)?.delivery;
    await expect.poll(() => delivery(), { timeout: 10_000 }).toBe('delivered');
    await expect.poll(() => heard).toEqual(['Still there?']);
    expect(summary()?.state).toBe('connected');
    expect(summary()?.ended).toBeUndefined();
    await session.signOut();
  });
});
