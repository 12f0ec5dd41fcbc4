// Sign-in asks for each thing once, and for independent things together: my presence and note in
// one batch (§8.1), my picture after "connected" instead of before it, group member lists at once.
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../src/shared/ipc-contract';
import { headlessSession } from '../../../src/main/session/headless-session';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { describeEachProfile, startSim } from '../../support/simulator';

describeEachProfile('sign-in requests', (profile) => {
  it('reaches "connected" with my presence and note fetched once, together, and my picture once, afterwards', async () => {
    const sim = await startSim({ profile });
    let connectedAfter: string[] | undefined;
    const session = headlessSession({
      createClient: (o) => new UcwaClient({ ...o, endpointId: 'requests' }),
      push: (name: EventName, payload: unknown) => {
        if (name === 'connectionChanged' && (payload as { state: string }).state === 'connected') connectedAfter ??= sim.control.requests().map((r) => r.path);
      },
    });
    await session.signIn({ server: sim.url, user: 'ana@contoso.com', password: 'demo', rememberMe: false });
    // Discovery (4), the application, makeMeAvailable, the application again, the batch; the event channel's long poll aside.
    expect(connectedAfter?.filter((p) => !p.includes('/events')), connectedAfter?.join('\n')).toHaveLength(8);
    await expect.poll(() => session.snapshot().me?.photo).toBeDefined();
    const paths = sim.control.requests().map((r) => `${r.method} ${new URL(r.path, 'http://x').pathname.replace(/\/applications\/[^/]+/, '/applications/A')}`);
    const count = (path: string): number => paths.filter((p) => p === path).length;
    expect(count('GET /ucwa/oauth/v1/applications/A/me/presence') + count('GET /ucwa/oauth/v1/applications/A/me/note')).toBe(0);
    expect(count('POST /ucwa/oauth/v1/applications/A/batch')).toBeGreaterThanOrEqual(1);
    expect(count('GET /ucwa/oauth/v1/applications/A/me/photo')).toBe(1);
    expect(session.snapshot().me?.presence.availability).toBe('Online');
    await session.signOut();
  });
});

describe('group member lists', () => {
  it('are fetched at once, not one after another', async () => {
    const sim = await startSim({});
    const session = headlessSession({ createClient: (o) => new UcwaClient({ ...o, endpointId: 'groups' }), push: () => undefined });
    // Each member list answers only after a delay: one after another, the lists would not overlap.
    sim.control.delay(150, 1_000);
    const started = performance.now();
    await session.signIn({ server: sim.url, user: 'ana@contoso.com', password: 'demo', rememberMe: false });
    sim.control.clearFaults();
    const lists = sim.control.requests().filter((r) => /\/people\/contacts\?groupId=/.test(r.path));
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const spread = Math.max(...lists.map((r) => r.at)) - Math.min(...lists.map((r) => r.at));
    expect(spread, `${lists.length} lists started within ${spread} ms (sign-in took ${Math.round(performance.now() - started)} ms)`).toBeLessThan(150);
    await session.signOut();
  });
});
