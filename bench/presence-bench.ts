// Loading a large contact list with live presence from the simulator. Prints; never fails on speed.
import { performance } from 'node:perf_hooks';
import { UcwaClient } from '../src/main/ucwa/index';
import { createSimulator } from '../src/simulator/index';
import { ms } from './stats';

export async function benchContacts(count: number): Promise<void> {
  const sim = createSimulator({ generatedContacts: count, mediumPriorityMs: 5 });
  const { url } = await sim.start();
  const client = new UcwaClient({ server: url, user: 'ana@contoso.com', password: 'demo', endpointId: 'bench-contacts' });
  await client.signIn();
  await client.makeMeAvailable();
  const before = client.stats.requests;
  const start = performance.now();
  const contacts = await client.getContacts();
  const loaded = performance.now();
  const seen = new Set<string>();
  const all = new Promise<void>((resolve) => {
    const off = client.on((e) => {
      if (e.type !== 'presenceChanged') return;
      seen.add(e.uri.toLowerCase());
      if (seen.size >= contacts.length) {
        off();
        resolve();
      }
    });
  });
  await client.subscribePresence(contacts.map((c) => c.uri));
  await all;
  const done = performance.now();
  const requests = client.stats.requests - before;
  console.log(`contacts: ${contacts.length} loaded in ${ms(loaded - start)}; with live presence for all in ${ms(done - start)}, ${requests} requests (${Math.ceil(contacts.length / 100)} subscription POSTs, link-only presence fetched in batches of 90 (§8.1))`);
  await client.signOut();
  await sim.stop();
}
