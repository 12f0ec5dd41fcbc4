// A server that delivers the same message event twice (in two batches): the person sees it once.
// The client's de-duplication and the session's each suffice; this guards the pair end to end.
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../../src/simulator/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { connect, expectExactlyOnce, party, say } from './fault-harness';
import type { Party } from './fault-harness';

let sim: UcwaSimulator;
const parties: Party[] = [];

afterEach(async () => {
  for (const p of parties.splice(0)) await p.service.signOut().catch(() => undefined);
  await sim.stop();
});

describe('redelivered message events', () => {
  it('each message reaches the other person once', async () => {
    sim = createSimulator({ botDelayMs: 10, collectMs: 30_000 });
    await sim.start();
    const ana = party(() => sim, 'ana');
    const ben = party(() => sim, 'ben');
    parties.push(ana, ben);
    await connect(ana, ben);
    await expectExactlyOnce(ben, ana, ['hello'], [await say(ana, 'hello')]);

    expect(sim.control.repeatEventBatches('ben@contoso.com', { rel: 'message', count: 3 })).toBe(1);
    const sent = [await say(ana, 'one'), await say(ana, 'two')];
    await expect.poll(() => ben.received.map((m) => m.text)).toContain('two');
    // Batches arrive in order: once "after" is in, every repeated batch before it was handled.
    sent.push(await say(ana, 'after'));
    await expect.poll(() => ben.received.map((m) => m.text)).toContain('after');
    expect(ben.received.map((m) => m.text)).toEqual(['hello', 'one', 'two', 'after']);
    await expectExactlyOnce(ben, ana, ['one', 'two', 'after'], sent);
  });
});
