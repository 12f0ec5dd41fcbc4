// Figures for the UCWA client against the simulator on loopback. Prints; never fails on speed.
import { CredentialTrust } from '../src/main/ucwa/trust-policy';
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';
import { UcwaClient } from '../src/main/ucwa/index';
import { AuthenticatedHttp } from '../src/main/ucwa/authenticated-http';
import { parseEventBatch } from '../src/main/ucwa/event-batch';
import { Messaging } from '../src/main/ucwa/messaging';
import { HttpTransport } from '../src/main/ucwa/http-transport';
import { SecretRedactor, createLogger, silentSink } from '../src/main/ucwa/logger';
import { encodeDataUri } from '../src/main/ucwa/data-uri';
import { createSimulator } from '../src/simulator/index';
import { median, ms, percentile } from './stats';

export async function benchSignIn(rounds: number): Promise<void> {
  const sim = createSimulator();
  const { url } = await sim.start();
  const times: number[] = [];
  let requests = 0;
  for (let i = 0; i < rounds; i++) {
    const client = new UcwaClient({ server: url, user: 'ana@contoso.com', password: 'demo', endpointId: 'bench' });
    const start = performance.now();
    await client.signIn();
    await client.makeMeAvailable();
    times.push(performance.now() - start);
    requests = client.stats.requests;
    await client.signOut();
  }
  await sim.stop();
  console.log(`sign-in (discovery, token, application, makeMeAvailable): median ${ms(median(times))} over ${rounds}, ${requests} requests`);
}

export async function benchSendLatency(count: number): Promise<void> {
  const sim = createSimulator({ botDelayMs: 1 });
  const { url } = await sim.start();
  const ana = new UcwaClient({ server: url, user: 'ana@contoso.com', password: 'demo', endpointId: 'bench-ana' });
  const ben = new UcwaClient({ server: url, user: 'ben@contoso.com', password: 'demo', endpointId: 'bench-ben' });
  await Promise.all([ana.signIn(), ben.signIn()]);
  await Promise.all([ana.makeMeAvailable(), ben.makeMeAvailable()]);
  ben.on((e) => {
    if (e.type === 'incomingInvitation') void ben.acceptInvitation(e.invitationId);
  });
  const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await ana.sendMessage(conversation, { text: `message ${i}` });
    latencies.push(performance.now() - start);
  }
  // The same number of plain round trips on one keep-alive connection, as the floor to compare with.
  const raw = new Client(url);
  const rtts: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const res = await raw.request({ method: 'GET', path: '/autodiscover/autodiscoverservice.svc/root', headers: { accept: 'application/json' } });
    await res.body.text();
    rtts.push(performance.now() - start);
  }
  await raw.close();
  await Promise.all([ana.signOut(), ben.signOut()]);
  await sim.stop();
  const m = median(latencies);
  const r = median(rtts);
  console.log(`send -> delivered: median ${ms(m)}, p95 ${ms(percentile(latencies, 95))} over ${count} messages`);
  console.log(`raw HTTP round trip (same count, one connection): median ${ms(r)}; ratio send/raw = ${(m / r).toFixed(1)}x`);
}

export async function benchEventDispatch(events: number): Promise<void> {
  const redactor = new SecretRedactor();
  const logger = createLogger('bench', silentSink, redactor);
  const http = new AuthenticatedHttp(new HttpTransport(undefined, logger), { user: 'x@y', password: 'p' }, redactor, logger, new CredentialTrust({ user: 'x@y' }));
  let received = 0;
  const messaging = new Messaging(http, (e) => {
    if (e.type === 'messageReceived') received++;
  }, () => undefined, { invitationMs: 1000, deliveryMs: 1000 });
  const app = '/ucwa/oauth/v1/applications/1';
  const conv = `${app}/communication/conversations/c1`;
  const batch = {
    _links: { next: { href: `${app}/events?ack=2` } },
    sender: [
      {
        rel: 'conversation',
        href: conv,
        events: Array.from({ length: events }, (_, i) => ({
          link: { rel: 'message', href: `${conv}/messaging/messages/${i}` },
          type: 'completed',
          status: 'Success',
          _embedded: { message: { direction: 'Incoming', timeStamp: '/Date(1732442415337)/', _links: { participant: { href: `${conv}/participants/ben@contoso.com`, title: 'Ben' }, plainMessage: { href: encodeDataUri('text/plain', `Hello number ${i}, how are you?`) } }, rel: 'message' } },
        })),
      },
    ],
  };
  const text = JSON.stringify(batch);
  const base = new URL(`https://pool.contoso.com${app}/events?ack=1`);
  const start = performance.now();
  const parsed = parseEventBatch(JSON.parse(text), base);
  for (const event of parsed.events) await messaging.handle(event, async () => undefined);
  const seconds = (performance.now() - start) / 1000;
  console.log(`events parsed and dispatched: ${Math.round(received / seconds).toLocaleString('en-US')} per second (${received} message events from one ${Math.round(text.length / 1024)} KiB batch)`);
}
