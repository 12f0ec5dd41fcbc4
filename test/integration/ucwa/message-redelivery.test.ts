// A server may deliver the same message event again (a batch repeated under a new ack). The client
// knows a message by its href and reports it once.
import { describe, expect, it } from 'vitest';
import { autoAccept, startSim, twoUsers } from '../../support/simulator';

describe('the same message event delivered twice', () => {
  it('is reported by the client once', async () => {
    const sim = await startSim();
    const { ana, ben } = await twoUsers(sim);
    autoAccept(ben);
    const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
    await ben.settled();
    const texts: string[] = [];
    ben.on((e) => {
      if (e.type === 'messageReceived') texts.push(e.text);
    });
    // Ben's next batch with a message goes out again in the batch after it.
    expect(sim.control.repeatEventBatches('ben@contoso.com', { rel: 'message' })).toBe(1);
    await ana.sendMessage(conversation, { text: 'once' });
    await expect.poll(() => texts).toContain('once');
    // Batches arrive in order: by the time "after" arrives, the repeated batch was handled too.
    await ana.sendMessage(conversation, { text: 'after' });
    await expect.poll(() => texts).toContain('after');
    expect(texts).toEqual(['once', 'after']);
  });
});
