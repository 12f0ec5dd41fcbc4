// Mid-session trouble the client handles itself: token expiry, a cut event connection, 503 with
// Retry-After on the event channel, a stale ack (resync), and the application going away.
import { describe, expect, it } from 'vitest';
import type { UcwaClient } from '../../../src/main/ucwa/index';
import { autoAccept, startSim, twoUsers } from '../../support/simulator';

/** The event channel of one user's application: a fault aimed at it does not hit the other user. */
function eventsOf(client: UcwaClient): string {
  return `${client.applicationUrl?.pathname ?? '/no-application'}/events`;
}

describe('mid-session faults', () => {
  it('a 401 mid-session renews the token once and retries: nothing is lost', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    const before = ana.stats.authentications;
    sim.control.expireToken('ana@contoso.com');
    sim.control.expireToken('ben@contoso.com');
    const received = ben.waitFor('messageReceived', (e) => e.text === 'after expiry');
    await ana.sendMessage(conversation, { text: 'after expiry' });
    await received;
    expect(ana.stats.authentications - before).toBe(1);
    const unauthorized = sim.control.requests().filter((r) => r.status === 401 && r.path.startsWith('/ucwa'));
    expect(unauthorized.length).toBeGreaterThanOrEqual(1);
    expect(unauthorized.length).toBeLessThanOrEqual(4);
  });

  it('a dropped event connection is retried with the same ack: every message arrives exactly once', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    await ben.settled();
    const texts: string[] = [];
    ben.on((e) => {
      if (e.type === 'messageReceived') texts.push(e.text);
    });
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sim.control.dropEventConnections('ben@contoso.com')).toBeLessThanOrEqual(1);
      await ana.sendMessage(conversation, { text: `m${i}` });
    }
    await expect.poll(() => texts, { timeout: 5_000 }).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    const benEventGets = sim.control.requests().filter((r) => r.path.includes('/events') && r.status === 0);
    expect(benEventGets.length).toBeLessThan(20);
  });

  it('503 with Retry-After on the event channel is honoured, then events flow again', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    await ben.settled();
    sim.control.failNext({ count: 1, status: 503, path: eventsOf(ben), retryAfterSeconds: 1 });
    sim.control.dropEventConnections('ben@contoso.com');
    const started = Date.now();
    const received = ben.waitFor('messageReceived', (e) => e.text === 'after 503');
    await ana.sendMessage(conversation, { text: 'after 503' });
    await received;
    const failed = sim.control.requests().filter((r) => r.status === 503);
    expect(failed).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a stale event link gets resync; the client follows it and loses nothing', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    await ben.settled();
    const resynced = ben.waitFor('channelResynced', () => true, 5_000);
    const received = ben.waitFor('messageReceived', (e) => e.text === 'after resync');
    expect(sim.control.staleEventLinks('ben@contoso.com')).toBe(1);
    await ana.sendMessage(conversation, { text: 'after resync' });
    await resynced;
    await received;
    const resyncAnswers = sim.control.requests().filter((r) => r.path.includes('/events') && r.status === 200);
    expect(resyncAnswers.length).toBeGreaterThan(0);
  });

  it('an expired application is reported as lost', async () => {
    const sim = await startSim();
    const { ana } = await twoUsers(sim);
    const lost = ana.waitFor('applicationLost', () => true, 5_000);
    expect(sim.control.expireApplication('ana@contoso.com')).toBe(1);
    expect((await lost).reason).toMatch(/no longer knows this app/);
  });

  it('after a long silence the server answers resume: conversations end, availability and subscriptions come back', async () => {
    // The silence that counts as "away" (1 s) is far longer than any pause between polls of a busy
    // machine, and far shorter than the Retry-After (2 s) the cut channel is given below.
    const sim = await startSim({ resumeAfterMs: 1_000, mediumPriorityMs: 20 });
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    await ana.getContacts();
    await ana.subscribePresence(['sip:lena@contoso.com']);
    const ended = ana.waitFor('conversationEnded', (e) => e.conversationId === conversation, 5_000);
    const resumed = ana.waitFor('channelResumed', () => true, 5_000);
    // The laptop sleeps: the event channel is cut and the server stays silent for a while.
    sim.control.failNext({ count: 1, status: 503, path: eventsOf(ana), retryAfterSeconds: 2 });
    sim.control.dropEventConnections('ana@contoso.com');
    await resumed;
    await ended;
    expect((await ana.getMyPresence()).availability).toBe('Online');
    const busy = ana.waitFor('presenceChanged', (e) => e.uri === 'sip:lena@contoso.com' && e.presence.availability === 'Busy', 3_000);
    sim.control.setPresence({ uri: 'lena@contoso.com', availability: 'Busy' });
    await busy;
  });
});
