import type { DirectoryConfig } from './directory';
import { DEMO_DIRECTORY } from './directory';
import type { Latitudes, SimulatorProfile } from './latitudes';
import { isSimulatorProfile, resolveLatitudes } from './latitudes';
import { isSeed, randomSeed } from './random';
import { DEFAULT_SIGN_IN_METHODS, SIGN_IN_METHODS } from './sign-in-methods';
import type { SignInMethod } from './sign-in-methods';

export interface SimulatorOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** The origin written into absolute links (a pool name such as https://lyncweb.contoso.com); default: where it listens. */
  readonly publicUrl?: string;
  readonly directory?: DirectoryConfig;
  /** Answer the root with a `redirect` to the user's pool this many times first (§1.2). */
  readonly redirectHops?: number;
  readonly tokenLifetimeSeconds?: number;
  /** Hold of an empty P-GET without a `timeout` parameter; the protocol default is 180 s. */
  readonly eventTimeoutMs?: number;
  /** Caps any hold and aggregation delay (a test knob; real servers allow up to 1800 s). */
  readonly maxHoldMs?: number;
  readonly mediumPriorityMs?: number;
  readonly lowPriorityMs?: number;
  readonly invitationTimeoutMs?: number;
  /** Incoming messages not fetched within this time are lost (§5.5: about 30 s). */
  readonly collectMs?: number;
  readonly typingMs?: number;
  readonly botDelayMs?: number;
  /** Silence on the event channel after which the next P-GET gets `resume` (§5.6). */
  readonly resumeAfterMs?: number;
  /** An application with no request for this long is reclaimed (§3.3). */
  readonly applicationIdleMs?: number;
  /** Length of a subscription "minute" (tests shorten it; the protocol's is 60 000 ms). */
  readonly subscriptionMinuteMs?: number;
  /** Extra generated directory people, added to every user's contact list (benchmarks). */
  readonly generatedContacts?: number;
  /** Every this many ms a scripted contact changes presence (0: never), for the demo. */
  readonly presenceScriptMs?: number;
  /** `strict` uses every latitude the reference leaves a server (latitudes.ts); default: none. */
  readonly profile?: SimulatorProfile;
  /** Seed of every random choice of the strict profile; default: a random one (see `sim.seed`). */
  readonly seed?: number;
  /** Single latitudes on or off over the profile's choice. */
  readonly latitudes?: Partial<Latitudes>;
  /** The request log keeps this many of the latest requests. */
  readonly requestLogLimit?: number;
  /** Applications one user may hold; the oldest idle one makes room for a new one (§3.1 TooManyApplications otherwise). */
  readonly maxApplicationsPerUser?: number;
  /** Applications the whole server holds. */
  readonly maxApplications?: number;
  /** Live tokens one user may hold; the oldest is forgotten first. */
  readonly maxTokensPerUser?: number;
  /** Offer conversation logs and missed items (§8.2, Exchange integration); default: not offered. */
  readonly conversationLogs?: boolean;
  /** The grants the 401 challenge offers and the token service accepts; default windows and password. */
  readonly signInMethods?: readonly SignInMethod[];
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'tls' | 'publicUrl' | 'latitudes'>> & {
  readonly tls: SimulatorOptions['tls'] | undefined;
  readonly publicUrl: string | undefined;
  readonly latitudes: Latitudes;
};

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const profile = options.profile ?? 'default';
  if (!isSimulatorProfile(profile)) throw new RangeError(`unknown simulator profile "${String(profile)}"`);
  if (options.seed !== undefined && !isSeed(options.seed)) throw new RangeError(`seed must be an integer from 0 to 2^32-1, got ${options.seed}`);
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    tls: options.tls,
    publicUrl: options.publicUrl?.replace(/\/$/, ''),
    directory: options.directory ?? DEMO_DIRECTORY,
    redirectHops: options.redirectHops ?? 0,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 28_740,
    eventTimeoutMs: options.eventTimeoutMs ?? 180_000,
    maxHoldMs: options.maxHoldMs ?? 1_800_000,
    mediumPriorityMs: options.mediumPriorityMs ?? 5_000,
    lowPriorityMs: options.lowPriorityMs ?? 15_000,
    invitationTimeoutMs: options.invitationTimeoutMs ?? 30_000,
    collectMs: options.collectMs ?? 30_000,
    typingMs: options.typingMs ?? 5_000,
    botDelayMs: options.botDelayMs ?? 400,
    resumeAfterMs: options.resumeAfterMs ?? 10 * 60_000,
    applicationIdleMs: options.applicationIdleMs ?? 15 * 60_000,
    subscriptionMinuteMs: options.subscriptionMinuteMs ?? 60_000,
    generatedContacts: options.generatedContacts ?? 0,
    presenceScriptMs: options.presenceScriptMs ?? 0,
    profile,
    seed: options.seed ?? randomSeed(),
    latitudes: resolveLatitudes(profile, options.latitudes),
    requestLogLimit: positive('requestLogLimit', options.requestLogLimit, 5_000),
    maxApplicationsPerUser: positive('maxApplicationsPerUser', options.maxApplicationsPerUser, 10),
    maxApplications: positive('maxApplications', options.maxApplications, 500),
    maxTokensPerUser: positive('maxTokensPerUser', options.maxTokensPerUser, 50),
    conversationLogs: options.conversationLogs ?? false,
    signInMethods: signInMethods(options.signInMethods),
  };
}

function signInMethods(methods: readonly SignInMethod[] | undefined): readonly SignInMethod[] {
  if (methods === undefined) return DEFAULT_SIGN_IN_METHODS;
  const unknown = methods.filter((m) => !(SIGN_IN_METHODS as readonly string[]).includes(m));
  if (unknown.length > 0 || methods.length === 0) throw new RangeError(`signInMethods must be some of ${SIGN_IN_METHODS.join(', ')}, got ${JSON.stringify(methods)}`);
  return methods;
}
