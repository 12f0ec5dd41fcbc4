// Warm sign-in through the session (the app's way to "connected"), repeated in one process, and the
// requests it takes: counted by the simulator (in its own process) until "connected", the event
// channel's long poll aside (it stays open for the whole session). Prints; never fails on speed.
import { performance } from 'node:perf_hooks';
import { headlessSession } from '../src/main/session/headless-session';
import { UcwaClient } from '../src/main/ucwa/index';
import { simulatorChild } from './children';
import { median, ms } from './stats';

interface LoggedRequest {
  readonly method: string;
  readonly path: string;
}

async function requestLog(url: string): Promise<LoggedRequest[]> {
  const res = await fetch(new URL('/_sim/requests', url));
  const body = (await res.json()) as LoggedRequest[] | { requests: LoggedRequest[] };
  return Array.isArray(body) ? body : body.requests;
}

export async function benchSignInWarm(rounds: number): Promise<{ warmSignInMs: number; signInRequests: number }> {
  const sim = await simulatorChild({});
  const times: number[] = [];
  let requests: LoggedRequest[] = [];
  for (let i = 0; i < rounds; i++) {
    const before = (await requestLog(sim.url)).length;
    let atConnected: Promise<LoggedRequest[]> | undefined;
    const start = performance.now();
    let connected = 0;
    const session = headlessSession({
      createClient: (o) => new UcwaClient({ ...o, endpointId: `bench-warm-${i}` }),
      push: (name, payload) => {
        if (name === 'connectionChanged' && (payload as { state: string }).state === 'connected' && connected === 0) {
          connected = performance.now() - start;
          atConnected = requestLog(sim.url);
        }
      },
    });
    await session.signIn({ server: sim.url, user: 'ana@contoso.com', password: 'demo', rememberMe: false });
    times.push(connected);
    requests = ((await atConnected) ?? []).slice(before).filter((r) => !r.path.includes('/events') && !r.path.startsWith('/_sim'));
    await session.signOut();
  }
  sim.stop();
  console.log(`warm sign-in (session to "connected", median of ${rounds}): ${ms(median(times))}; ${requests.length} requests besides the event channel's long poll: ${requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '').replace(/\/applications\/[^/]+/, '/applications/…').replace(/^.*\/(oauth\/user|oauthtoken|root)$/, '…/$1')}`).join(', ')}`);
  return { warmSignInMs: median(times), signInRequests: requests.length };
}
