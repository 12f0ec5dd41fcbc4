// Shared helpers: a simulator with short timers on a free loopback port, and clients for it.
// The profile comes from the test, else from UCWA_SIM_PROFILE (and UCWA_SIM_SEED), else default:
// `UCWA_SIM_PROFILE=strict npx vitest run test/integration/ucwa` runs the client against a server
// that uses every latitude the protocol gives. A failing test prints the seed to replay it.
import { afterEach, describe, expect, onTestFailed } from 'vitest';
import { UcwaClient } from '../../src/main/ucwa/index';
import type { LogSink, UcwaClientOptions } from '../../src/main/ucwa/index';
import { SIMULATOR_PROFILES, STRICT_LATITUDES, createSimulator } from '../../src/simulator/index';
import type { Latitudes, SimulatorOptions, SimulatorProfile, UcwaSimulator } from '../../src/simulator/index';

const running: { sims: UcwaSimulator[]; clients: UcwaClient[] } = { sims: [], clients: [] };

afterEach(async () => {
  await Promise.all(running.clients.splice(0).map((c) => c.signOut().catch(() => undefined)));
  await Promise.all(running.sims.splice(0).map((s) => s.stop()));
});

export const FAST_SIM: SimulatorOptions = { botDelayMs: 10, typingMs: 300, invitationTimeoutMs: 3_000, collectMs: 3_000 };

export const SIM_PROFILES = SIMULATOR_PROFILES;

type EnvironmentChoice = { profile: SimulatorProfile; seed?: number; latitudes?: Partial<Latitudes> };

/**
 * The profile, seed and single latitudes the environment asks for: UCWA_SIM_PROFILE, UCWA_SIM_SEED,
 * and UCWA_SIM_LATITUDES (comma-separated knob names, each at its strict value, to find which
 * latitude a failure needs, e.g. `UCWA_SIM_LATITUDES=transientOperations,linkOnlyEvents`).
 */
export function simFromEnvironment(env: NodeJS.ProcessEnv = process.env): EnvironmentChoice {
  const profile = env.UCWA_SIM_PROFILE === undefined || env.UCWA_SIM_PROFILE === '' ? 'default' : env.UCWA_SIM_PROFILE;
  if (!(SIM_PROFILES as readonly string[]).includes(profile)) throw new Error(`UCWA_SIM_PROFILE must be one of ${SIM_PROFILES.join(', ')}, got "${profile}"`);
  const choice: EnvironmentChoice = { profile: profile as SimulatorProfile };
  const rawSeed = env.UCWA_SIM_SEED;
  if (rawSeed !== undefined && rawSeed !== '') {
    const seed = Number(rawSeed);
    if (!/^\d+$/.test(rawSeed) || seed >= 2 ** 32) throw new Error(`UCWA_SIM_SEED must be an integer from 0 to 2^32-1, got "${rawSeed}"`);
    choice.seed = seed;
  }
  const names = (env.UCWA_SIM_LATITUDES ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length > 0) {
    const latitudes: Record<string, unknown> = {};
    for (const name of names) {
      if (!(name in STRICT_LATITUDES)) throw new Error(`UCWA_SIM_LATITUDES: unknown latitude "${name}" (known: ${Object.keys(STRICT_LATITUDES).join(', ')})`);
      latitudes[name] = STRICT_LATITUDES[name as keyof Latitudes];
    }
    choice.latitudes = latitudes as Partial<Latitudes>;
  }
  return choice;
}

/** The line a failing test prints, e.g. `strict seed=42`, with the environment that replays it. */
export function seedReport(sim: UcwaSimulator): string {
  const on = Object.entries(sim.options.latitudes).filter(([name, value]) => name !== 'mergeHoldMs' && value !== false && value !== 0).map(([name]) => name);
  const latitudes = sim.profile === 'default' && on.length > 0 ? ` UCWA_SIM_LATITUDES=${on.join(',')}` : '';
  return `${sim.profile} seed=${sim.seed} (replay: UCWA_SIM_PROFILE=${sim.profile} UCWA_SIM_SEED=${sim.seed}${latitudes})`;
}

export async function startSim(options: SimulatorOptions = {}): Promise<UcwaSimulator> {
  const sim = createSimulator({ ...FAST_SIM, ...simFromEnvironment(), ...options });
  await sim.start();
  running.sims.push(sim);
  // Outside a test (beforeAll) there is no failure to hook: say the seed at once instead.
  if (expect.getState().currentTestName === undefined) process.stderr.write(`[simulator] ${seedReport(sim)}\n`);
  else onTestFailed(() => void process.stderr.write(`\n[simulator] ${seedReport(sim)}\n`));
  return sim;
}

/** Runs a suite once per simulator profile: `describeEachProfile('send an IM', (profile) => …startSim({ profile })…)`. */
export function describeEachProfile(name: string, body: (profile: SimulatorProfile) => void): void {
  describe.each(SIM_PROFILES)(`${name} [%s profile]`, body);
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
