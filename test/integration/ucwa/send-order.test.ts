// Parallel sendMessage POSTs can be delivered out of order (protocol §10.26): the client keeps one
// POST in flight per conversation, so a slow first POST holds the next ones back.
import { describe, expect, it } from 'vitest';
import { autoAccept, startSim, twoUsers } from '../../support/simulator';

describe('messages sent at once to one conversation', () => {
  it('reach the server one after another and arrive in the order they were sent', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    const texts: string[] = [];
    ben.on((e) => {
      if (e.type === 'messageReceived') texts.push(e.text);
    });
    sim.control.resetRequestLog();
    // The first POST is held by the server; had the others been sent beside it, they would overtake it.
    sim.control.delayNext({ count: 1, ms: 400, method: 'POST', path: '/messaging/messages$' });
    await Promise.all(['one', 'two', 'three'].map((text) => ana.sendMessage(conversation, { text })));
    await expect.poll(() => texts).toHaveLength(3);
    expect(texts).toEqual(['one', 'two', 'three']);
    const posts = sim.control.requests().filter((r) => r.method === 'POST' && /\/messaging\/messages(\?|$)/.test(r.path));
    expect(posts).toHaveLength(3);
    // The second POST left only after the first, held 400 ms, was answered.
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(350);
  });
});
