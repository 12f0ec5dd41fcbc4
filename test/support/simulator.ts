// Shared helpers: a simulator with short timers on a free loopback port, and clients for it.
import { afterEach } from 'vitest';
import { UcwaClient } from '../../src/main/ucwa/index';
import type { LogSink, UcwaClientOptions } from '../../src/main/ucwa/index';
import { createSimulator } from '../../src/simulator/index';
import type { SimulatorOptions, UcwaSimulator } from '../../src/simulator/index';

const running: { sims: UcwaSimulator[]; clients: UcwaClient[] } = { sims: [], clients: [] };

afterEach(async () => {
  await Promise.all(running.clients.splice(0).map((c) => c.signOut().catch(() => undefined)));
  await Promise.all(running.sims.splice(0).map((s) => s.stop()));
});

export const FAST_SIM: SimulatorOptions = { botDelayMs: 10, typingMs: 300, invitationTimeoutMs: 3_000, collectMs: 3_000 };

export async function startSim(options: SimulatorOptions = {}): Promise<UcwaSimulator> {
  const sim = createSimulator({ ...FAST_SIM, ...options });
  await sim.start();
  running.sims.push(sim);
  return sim;
}

export interface LogLine {
  readonly level: string;
  readonly text: string;
}

export function clientFor(sim: UcwaSimulator, user: string, extra: Partial<UcwaClientOptions> = {}, logs?: LogLine[]): UcwaClient {
  const logSink: LogSink = (level, scope, message, fields) => logs?.push({ level, text: `${scope} ${message} ${JSON.stringify(fields ?? {})}` });
  const client = new UcwaClient({
    server: sim.url,
    user,
    password: 'demo',
    endpointId: `test-${user}`,
    backoffBaseMs: 50,
    backoffMaxMs: 400,
    invitationTimeoutMs: 5_000,
    deliveryTimeoutMs: 5_000,
    logSink,
    ...extra,
  });
  running.clients.push(client);
  return client;
}

/** Two signed-in, available users; `ben` accepts every invitation. */
export async function twoUsers(sim: UcwaSimulator): Promise<{ ana: UcwaClient; ben: UcwaClient }> {
  const ana = clientFor(sim, 'ana@contoso.com');
  const ben = clientFor(sim, 'ben@contoso.com');
  await Promise.all([ana.signIn(), ben.signIn()]);
  await Promise.all([ana.makeMeAvailable(), ben.makeMeAvailable()]);
  return { ana, ben };
}

export function autoAccept(client: UcwaClient): void {
  client.on((e) => {
    if (e.type === 'incomingInvitation') void client.acceptInvitation(e.invitationId);
  });
}
