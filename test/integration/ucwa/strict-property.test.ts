// The send and receive flows over 50 seeds of the strict profile (link-only events, aggregation,
// split and merged batches, events before the 201, and completed operations that answer 404):
// every message arrives exactly once and in order, every outcome is reported truly, and nothing
// needs a request to a completed operation.
import { describe, expect, it } from 'vitest';
import type { UcwaEvent } from '../../../src/main/ucwa/index';
import { autoAccept, clientFor, startSim } from '../../support/simulator';

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
const AT_ONCE = 5;

function received(events: readonly UcwaEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'messageReceived' ? [e.text] : []));
}

async function flows(seed: number): Promise<void> {
  const sim = await startSim({ profile: 'strict', seed });
  const ana = clientFor(sim, 'ana@contoso.com', { invitationTimeoutMs: 8_000, deliveryTimeoutMs: 8_000 });
  const ben = clientFor(sim, 'ben@contoso.com', { invitationTimeoutMs: 8_000, deliveryTimeoutMs: 8_000 });
  const atAna: UcwaEvent[] = [];
  const atBen: UcwaEvent[] = [];
  ana.on((e) => atAna.push(e));
  ben.on((e) => atBen.push(e));
  await Promise.all([ana.signIn(), ben.signIn()]);
  await Promise.all([ana.makeMeAvailable(), ben.makeMeAvailable()]);
  autoAccept(ben);
  autoAccept(ana);

  // 1:1 with the first message riding on the invitation, then several each way.
  const benJoined = ben.waitFor('invitationCompleted', () => true, 10_000);
  const conversation = await ana.startConversation({ to: 'ben@contoso.com', message: { text: 'm0' } });
  const benConversation = (await benJoined).conversationId;
  for (const text of ['m1', 'm2', 'm3']) await ana.sendMessage(conversation, { text });
  for (const text of ['r1', 'r2']) await ben.sendMessage(benConversation, { text });
  await expect.poll(() => received(atBen), { timeout: 10_000 }).toEqual(['m0', 'm1', 'm2', 'm3']);
  await expect.poll(() => received(atAna), { timeout: 10_000 }).toEqual(['r1', 'r2']);

  // Ben leaves; Ana writes again: messaging is added back (or a new conversation started), once.
  const anaSawLeave = ana.waitFor('messagingStateChanged', (e) => e.conversationId === conversation && e.state === 'Disconnected', 10_000);
  await ben.leaveConversation(benConversation);
  await anaSawLeave;
  await ana.sendMessage(conversation, { text: 'm4' });
  await expect.poll(() => received(atBen), { timeout: 10_000 }).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);

  // Both leave: the conversation ends on both sides, nothing pending is left behind.
  const anaEnded = ana.waitFor('conversationEnded', () => true, 10_000);
  await ana.leaveConversation(conversation).catch(() => undefined);
  await anaEnded;
  // Every send was reported delivered, none failed; nothing arrived twice.
  expect(atAna.filter((e) => e.type === 'messageFailed')).toEqual([]);
  expect(atBen.filter((e) => e.type === 'messageFailed')).toEqual([]);
  // m0 rode on the invitation and m4 on the one that re-added messaging: their outcome is the invitation's.
  expect(atAna.filter((e) => e.type === 'messageDelivered').length).toBe(3);
  expect(atBen.filter((e) => e.type === 'messageDelivered').length).toBe(2);
}

describe('strict profile, 50 seeds', () => {
  for (let i = 0; i < SEEDS.length; i += AT_ONCE) {
    const group = SEEDS.slice(i, i + AT_ONCE);
    it(`seeds ${group[0]}–${group[group.length - 1]}: exactly once, outcomes true, no read of a completed operation`, async () => {
      const results = await Promise.allSettled(group.map((seed) => flows(seed)));
      const failed = results.flatMap((r, k) => (r.status === 'rejected' ? [`seed ${group[k]}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`] : []));
      expect(failed).toEqual([]);
    }, 60_000);
  }
});
