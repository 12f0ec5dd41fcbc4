import type { DirectoryConfig } from './directory';
import { DEMO_DIRECTORY } from './directory';

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
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'tls' | 'publicUrl'>> & { readonly tls: SimulatorOptions['tls'] | undefined; readonly publicUrl: string | undefined };

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
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
  };
}
