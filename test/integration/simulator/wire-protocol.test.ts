// The simulator checked over raw HTTP against the reference, without the client.
import { describe, expect, it } from 'vitest';
import { UcwaError } from '../../../src/main/ucwa/index';
import { clientFor, startSim as startAnySim } from '../../support/simulator';
import type { SimulatorOptions, UcwaSimulator } from '../../../src/simulator/index';
import { createApp as createRawApp, token } from './raw-ucwa';
import type { Json } from './raw-ucwa';

async function createApp(sim: UcwaSimulator, user = 'ana@contoso.com'): Promise<{ auth: Record<string, string>; app: Json; base: string }> {
  const raw = await createRawApp(sim, user);
  return { auth: raw.auth, app: raw.body, base: raw.base };
}

// These tests describe the default profile; the strict one has its own (latitude-*.test.ts).
const startSim = (options: SimulatorOptions = {}): Promise<UcwaSimulator> => startAnySim({ profile: 'default', ...options });

describe('simulator wire protocol', () => {
  it('challenges with two WWW-Authenticate headers and an HTML body; issues cwt tokens; refuses bad grants', async () => {
    const sim = await startSim();
    const res = await fetch(`${sim.url}/autodiscover/autodiscoverservice.svc/root/oauth/user`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/html/);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer .*, MsRtcOAuth href="http:\/\/127\.0\.0\.1:\d+\/WebTicket\/oauthtoken",grant_type="[^"]*password"$/);
    expect(await token(sim)).toMatch(/^cwt=/);
    const wrong = await fetch(`${sim.url}/WebTicket/oauthtoken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=ana%40contoso.com&password=nope' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant' });
  });

  it('creates an application with relative hrefs, validates inputs and answers 404 ApplicationNotFound after DELETE', async () => {
    const sim = await startSim();
    const { auth, app, base } = await createApp(sim);
    expect((app._links as Record<string, { href: string }>).events?.href).toBe(`${base}/events?ack=1`);
    const embedded = app._embedded as Record<string, Json>;
    expect(Object.values(embedded.communication ?? {})).toContain('please pass this in a PUT request');
    const bad = await fetch(`${sim.url}/ucwa/oauth/v1/applications`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"userAgent":"x"}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).subcode).toBe('ParameterValidationFailure');
    expect((await fetch(`${sim.url}${base}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    const gone = await fetch(`${sim.url}${base}`, { headers: auth });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: 'NotFound', subcode: 'ApplicationNotFound' });
  });

  it('makeMeAvailable is one-shot and unlocks presence; reportMyActivity needs it first', async () => {
    const sim = await startSim();
    const { auth, base } = await createApp(sim);
    const activity = await fetch(`${sim.url}${base}/me/reportMyActivity`, { method: 'POST', headers: auth });
    expect(activity.status).toBe(409);
    expect(((await activity.json()) as Json).subcode).toBe('MakeMeAvailableRequired');
    const mma = () => fetch(`${sim.url}${base}/me/makeMeAvailable`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"SupportedModalities":["Messaging"]}' });
    expect((await mma()).status).toBe(204);
    const again = await mma();
    expect(again.status).toBe(409);
    expect(((await again.json()) as Json).subcode).toBe('AlreadyExists');
    expect((await fetch(`${sim.url}${base}/me/reportMyActivity`, { method: 'POST', headers: auth })).status).toBe(204);
  });

  it('event channel: next links, redelivery of an unacknowledged batch, PGetReplaced, resync and timeout release', async () => {
    const sim = await startSim({ maxHoldMs: 300 });
    const { auth, base } = await createApp(sim);
    const get = async (ack: number) => fetch(`${sim.url}${base}/events?ack=${ack}`, { headers: auth });
    const first = (await (await get(1)).json()) as Json;
    expect((first._links as Record<string, { href: string }>).next?.href).toBe(`${base}/events?ack=2`);
    // Asking for ack=1 again (a lost response) returns the same batch.
    expect(await (await get(1)).json()).toEqual(first);
    // Two P-GETs with the same ack: the older gets 409 PGetReplaced.
    const older = get(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const newer = get(2);
    const replaced = await older;
    expect(replaced.status).toBe(409);
    expect(((await replaced.json()) as Json).subcode).toBe('PGetReplaced');
    expect((await newer).status).toBe(200);
    // An ack outside the window: resync pointing at the oldest unacknowledged batch.
    const stale = (await (await get(99)).json()) as Json;
    expect((stale._links as Record<string, { href: string }>).resync?.href).toBe(`${base}/events?ack=2`);
  });

  it('an invitation from a scripted contact carries its first message as a form-encoded data URI', async () => {
    const sim = await startSim();
    const ben = await createApp(sim, 'ben@contoso.com');
    for (const who of [ben]) {
      await fetch(`${sim.url}${who.base}/me/makeMeAvailable`, { method: 'POST', headers: { ...who.auth, 'content-type': 'application/json' }, body: '{"SupportedModalities":["Messaging"]}' });
    }
    // Lena (a scripted contact) writes to Ben, who never polls his event channel.
    expect(sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ben@contoso.com', text: 'anyone?' })).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const res = await fetch(`${sim.url}${ben.base}/events?ack=1`, { headers: ben.auth });
    const batch = JSON.stringify(await res.json());
    expect(batch).toContain('messagingInvitation');
    expect(batch).toContain('data:text/plain;charset=utf-8,anyone%3F');
  });

  it('an incoming message not collected within the deadline is lost, and the sender is told it failed', async () => {
    const sim = await startSim({ collectMs: 300 });
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    const ben = await createApp(sim, 'ben@contoso.com');
    await fetch(`${sim.url}${ben.base}/me/makeMeAvailable`, { method: 'POST', headers: { ...ben.auth, 'content-type': 'application/json' }, body: '{"SupportedModalities":["Messaging"]}' });
    const started = ana.startConversation({ to: 'ben@contoso.com' });
    // Ben collects the invitation once, accepts it, and then his event loop stalls.
    let acceptHref: string | undefined;
    for (let ack = 1; acceptHref === undefined && ack < 10; ack++) {
      const batch = JSON.stringify(await (await fetch(`${sim.url}${ben.base}/events?ack=${ack}`, { headers: ben.auth })).json());
      acceptHref = /"accept":\{"href":"([^"]+)"/.exec(batch)?.[1];
    }
    expect(acceptHref).toBeDefined();
    expect((await fetch(`${sim.url}${acceptHref}`, { method: 'POST', headers: ben.auth })).status).toBe(204);
    const conversation = await started;
    const error: unknown = await ana.sendMessage(conversation, { text: 'into the void' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UcwaError);
    expect((error as UcwaError).code).toBe('delivery-failed');
    expect(sim.control.stats().lostIncoming).toBe(1);
  });
});
