// Two people on UCWA Tray's session service, talking through the simulator while a fault happens:
// what each sent, what each received, and how long recovery took.
import { expect } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { headlessSession } from '../../../src/main/session/headless-session';
import type { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';

export interface Party {
  readonly name: 'ana' | 'ben';
  readonly service: SessionService;
  readonly received: ChatMessage[];
  readonly updates: ChatMessage[];
  chat: string;
}

export function party(sim: () => UcwaSimulator, name: 'ana' | 'ben'): Party {
  const received: ChatMessage[] = [];
  const updates: ChatMessage[] = [];
  const service = headlessSession({
    createClient: (o) => new UcwaClient({ ...o, endpointId: `fault-${name}`, backoffBaseMs: 100, backoffMaxMs: 1_000, invitationTimeoutMs: 45_000, deliveryTimeoutMs: 45_000 }),
    demo: { start: async () => ({ server: sim().url, user: `${name}@contoso.com`, password: 'demo' }) },
    push: (event, payload) => {
      const message = payload as ChatMessage;
      if (event === 'messageAdded' && message.direction === 'in') received.push(message);
      if (event === 'messageUpdated') updates.push(message);
    },
    reconnectBaseMs: 200,
    reconnectMaxMs: 1_000,
  });
  return { name, service, received, updates, chat: '' };
}

export async function connect(ana: Party, ben: Party): Promise<void> {
  await ana.service.handlers().signInDemo({}, { windowId: 1 });
  await ben.service.handlers().signInDemo({}, { windowId: 1 });
  ana.chat = await ana.service.handlers().openChat({ uri: 'ben@contoso.com' }, { windowId: 1 });
  ben.chat = await ben.service.handlers().openChat({ uri: 'ana@contoso.com' }, { windowId: 1 });
}

export async function say(from: Party, text: string): Promise<ChatMessage> {
  return from.service.handlers().sendMessage({ conversationId: from.chat, text }, { windowId: 1 });
}

export function deliveryOf(p: Party, id: string): string | undefined {
  return [...p.updates].reverse().find((m) => m.id === id)?.delivery;
}

/** Every message arrived once and in order; every sent one ended delivered. */
export async function expectExactlyOnce(to: Party, from: Party, texts: readonly string[], sent: readonly ChatMessage[], timeout = 8_000): Promise<void> {
  await expect.poll(() => to.received.map((m) => m.text).filter((t) => texts.includes(t)), { timeout }).toEqual(texts);
  await expect.poll(() => sent.map((m) => deliveryOf(from, m.id)), { timeout }).toEqual(sent.map(() => 'delivered'));
  const counts = new Map<string, number>();
  for (const m of to.received) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  for (const text of texts) expect(counts.get(text), `"${text}" arrived more than once`).toBe(1);
}

export async function waitConnected(p: Party, timeout = 5_000): Promise<number> {
  const start = Date.now();
  await expect.poll(() => p.service.snapshot().connection.state, { timeout, interval: 20 }).toBe('connected');
  return Date.now() - start;
}
