// The session shows, counts and notifies each incoming message once, even when its client reports
// one twice (its own de-duplication lives per application, and an application can be rebuilt).
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaClientOptions, UcwaEvent } from '../../../src/main/ucwa/index';
import { clientFor, startSim } from '../../support/simulator';

/** A real client whose listeners hear every messageReceived event twice. */
function stutteringClient(options: Pick<UcwaClientOptions, 'server' | 'user' | 'password'>): UcwaClient {
  const client = new UcwaClient({ ...options, endpointId: 'stutter' });
  const on = client.on.bind(client);
  client.on = (listener: (event: UcwaEvent) => void) =>
    on((event) => {
      listener(event);
      if (event.type === 'messageReceived') listener(event);
    });
  return client;
}

describe('an incoming message reported twice by the client', () => {
  it('is added, counted unread and notified once', async () => {
    const sim = await startSim();
    const added: ChatMessage[] = [];
    const notified: string[] = [];
    const service = new SessionService({
      createClient: stutteringClient,
      settings: new InMemorySettings(),
      vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
      windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
      notify: { incomingMessage: (message) => notified.push(message.text) },
      demo: { start: async () => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo' }) },
      push: (name, payload) => {
        if (name === 'messageAdded') added.push(payload as ChatMessage);
      },
    });
    await service.handlers().signInDemo({}, { windowId: 1 });
    const ben = clientFor(sim, 'ben@contoso.com');
    await ben.signIn();
    const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'hello' } });
    await ben.sendMessage(conversation, { text: 'after' });
    await expect.poll(() => added.map((m) => m.text)).toContain('after');
    expect(added.map((m) => m.text)).toEqual(['hello', 'after']);
    expect(notified).toEqual(['hello', 'after']);
    expect(service.snapshot().unreadTotal).toBe(2);
    await service.signOut();
  });
});
