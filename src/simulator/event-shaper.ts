// The choices an event channel leaves to the server (protocol §5.3, §5.4): which queued events a
// new one supersedes, how much of the queue one batch takes, how long a batch may wait for more,
// what an event looks like on the wire, and where sender blocks break. The default profile passes
// everything through; strict-shaper.ts uses the latitude the reference gives.
import type { EnqueueOptions, EventSender, Priority, UcwaEventBody } from './event-channel';

export interface PendingEvent {
  readonly sender: EventSender;
  readonly body: UcwaEventBody;
  readonly priority: Priority;
  readonly releaseAt: number;
  readonly options: EnqueueOptions;
  deadline?: NodeJS.Timeout;
}

export interface Admission {
  /** Queued events the new one supersedes (the channel keeps any that someone waits on). */
  readonly remove: readonly PendingEvent[];
  /** False when the new event is absorbed (a participant that left before anyone saw it join). */
  readonly keep: boolean;
}

export interface EventShaper {
  admit(queue: readonly PendingEvent[], entry: PendingEvent): Admission;
  /** How many of the `queued` events the next batch takes (at least one is taken anyway). */
  take(queued: number): number;
  /** How long a P-GET that has only non-real-time events may wait for more (0: release now). */
  mergeHoldMs(): number;
  /** The event as it goes on the wire, decided once when its batch is sealed. */
  shape(body: UcwaEventBody): UcwaEventBody;
  /** True to open a new sender block although the sender is the same as the previous event's. */
  newSenderBlock(): boolean;
}

export const PASS_THROUGH: EventShaper = {
  admit: () => ({ remove: [], keep: true }),
  take: (queued) => queued,
  mergeHoldMs: () => 0,
  shape: (body) => body,
  newSenderBlock: () => false,
};
