// makeMeAvailable is one-shot per application: a second one is answered 409 AlreadyExists, which
// means the user is available already (protocol §10.8). Any other refusal is an error.
import { describe, expect, it } from 'vitest';
import { clientFor, startSim } from '../../support/simulator';

describe('makeMeAvailable', () => {
  it('two at once (both saw the link): the one answered 409 AlreadyExists succeeds too, and presence works', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    sim.control.resetRequestLog();
    await Promise.all([ana.makeMeAvailable(), ana.makeMeAvailable()]);
    const statuses = sim.control.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/me/makeMeAvailable')).map((r) => r.status);
    expect(statuses.sort()).toEqual([204, 409]);
    await ana.setMyPresence('Busy');
    expect((await ana.getMyPresence()).availability).toBe('Busy');
  });

  it('another 409 or a server error is not taken for success', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    sim.control.failNext({ count: 1, status: 409, method: 'POST', path: '/me/makeMeAvailable$', subcode: 'MakeMeAvailableRequired' });
    await expect(ana.makeMeAvailable()).rejects.toMatchObject({ status: 409, subcode: 'MakeMeAvailableRequired' });
    sim.control.failNext({ count: 1, status: 500, method: 'POST', path: '/me/makeMeAvailable$' });
    await expect(ana.makeMeAvailable()).rejects.toMatchObject({ status: 500 });
    await ana.makeMeAvailable();
    await ana.setMyPresence('Away');
    expect((await ana.getMyPresence()).availability).toBe('Away');
  });
});
