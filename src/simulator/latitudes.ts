// The latitude the protocol reference leaves a server, one knob each. The default profile uses
// none of it (the generous simulator the project grew up with); the strict profile uses all of it,
// so a client that only works against a generous server fails here first. Chances are drawn from
// the simulator's seeded random source (see random.ts).

export const SIMULATOR_PROFILES = ['default', 'strict'] as const;
export type SimulatorProfile = (typeof SIMULATOR_PROFILES)[number];

export interface Latitudes {
  /**
   * §5.3 (`_embedded` is optional): events of participants, me, communication and subscriptions
   * come link-only, and an operation's `completed` comes link-only when an earlier event of the
   * operation already carried its full copy (the outcome is in `status`/`reason` on the event).
   */
  readonly linkOnlyEvents: boolean;
  /** §5.3 ("usually come embedded"): chance that a conversation, messaging or in-progress invitation event comes link-only anyway. */
  readonly linkOnlyRealtime: number;
  /** §6.1, §8.4: a completed messagingInvitation or participantInvitation answers 404 ResourceNotFound. */
  readonly transientOperations: boolean;
  /** §5.4, §10.17: chance that a queued intermediate event is merged away by a later one (started by completed, updated by updated, participant added by deleted). */
  readonly aggregateEvents: number;
  /** §5.1, §5.4: chance that a P-GET takes only part of the queued events; the rest waits for the next one. */
  readonly splitBatches: number;
  /** §5.4: chance that a P-GET released by high (not real-time) events is held up to `mergeHoldMs`, so later events share its batch. */
  readonly mergeBatches: number;
  /** Longest hold of a merge (a timing, not a latitude); a held P-GET waits between half of it and all of it. */
  readonly mergeHoldMs: number;
  /** §5.3, §10.16: chance that an event opens a new sender block although the previous block has the same sender. */
  readonly repeatSenders: number;
  /** §6.2, §10.10: chance that startMessaging, addMessaging, sendMessage or addParticipant answers only after the client fetched the operation's events. */
  readonly eventsBeforeResponse: number;
  /** §6.8: escalating a two-party conversation to a conference creates a derived conversation on the same thread (subcode DerivedConversation); the old one is deleted. */
  readonly deriveOnEscalation: boolean;
}

export const NO_LATITUDES: Latitudes = {
  linkOnlyEvents: false,
  linkOnlyRealtime: 0,
  transientOperations: false,
  aggregateEvents: 0,
  splitBatches: 0,
  mergeBatches: 0,
  mergeHoldMs: 100,
  repeatSenders: 0,
  eventsBeforeResponse: 0,
  deriveOnEscalation: false,
};

export const STRICT_LATITUDES: Latitudes = {
  linkOnlyEvents: true,
  linkOnlyRealtime: 0.5,
  transientOperations: true,
  aggregateEvents: 0.5,
  splitBatches: 0.3,
  mergeBatches: 0.5,
  mergeHoldMs: 100,
  repeatSenders: 0.3,
  eventsBeforeResponse: 0.5,
  deriveOnEscalation: true,
};

export function isSimulatorProfile(value: unknown): value is SimulatorProfile {
  return typeof value === 'string' && (SIMULATOR_PROFILES as readonly string[]).includes(value);
}

/** The profile's latitudes with single knobs overridden, so a test can turn exactly one on. */
export function resolveLatitudes(profile: SimulatorProfile, overrides: Partial<Latitudes> = {}): Latitudes {
  const base = profile === 'strict' ? STRICT_LATITUDES : NO_LATITUDES;
  const merged = { ...base, ...overrides };
  for (const [name, value] of Object.entries(merged)) {
    if (typeof value === 'number' && (!Number.isFinite(value) || value < 0 || (name !== 'mergeHoldMs' && value > 1))) {
      throw new RangeError(`latitude ${name} must be a chance from 0 to 1 (mergeHoldMs: milliseconds), got ${value}`);
    }
  }
  return merged;
}
