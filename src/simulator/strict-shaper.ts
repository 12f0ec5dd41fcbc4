// The event-channel side of the strict profile (protocol §5.3, §5.4, §10.16, §10.17): aggregation
// of intermediate events, batches split and merged at random boundaries, repeated sender blocks
// and link-only events. Every choice is drawn from a seeded fork, one per concern.
import type { UcwaEventBody } from './event-channel';
import { OPERATION_RELS, embeddingClass, linkOnly } from './event-embedding';
import type { Admission, EventShaper, PendingEvent } from './event-shaper';
import type { Latitudes } from './latitudes';
import type { SeededRandom } from './random';

/** Rels whose added/deleted pair may vanish when nobody saw the join (§5.4: "a participant who joins and leaves quickly may never appear"). */
const PARTICIPANT_RELS: ReadonlySet<string> = new Set(['participant', 'participantMessaging']);
/** Operations remembered as "copy shown" at most; older ones are forgotten first. */
const MAX_TRACKED_OPERATIONS = 1_000;

const KEEP: Admission = { remove: [], keep: true };

function sameTarget(a: UcwaEventBody, b: UcwaEventBody): boolean {
  return a.link.href === b.link.href && a.in?.rel === b.in?.rel;
}

function awaited(e: PendingEvent): boolean {
  return e.options.onCollected !== undefined || e.options.onExpired !== undefined;
}

/** The participant an event is about, and whether it is about typing (a separate pair). */
function participantKey(body: UcwaEventBody): string {
  const who = body.link.rel === 'participantMessaging' ? (body.in?.href ?? body.link.href) : body.link.href;
  return body.in?.rel === 'typingParticipants' ? `${who}#typing` : who;
}

export class StrictShaper implements EventShaper {
  private readonly copiesShown = new Set<string>();
  private readonly draws: { aggregate: SeededRandom; split: SeededRandom; merge: SeededRandom; embed: SeededRandom; blocks: SeededRandom };
  private lastPair: { readonly key: string; readonly absorb: boolean } | undefined;

  constructor(
    private readonly latitudes: Latitudes,
    random: SeededRandom,
  ) {
    this.draws = { aggregate: random.fork('aggregate'), split: random.fork('split'), merge: random.fork('merge'), embed: random.fork('embed'), blocks: random.fork('blocks') };
  }

  admit(queue: readonly PendingEvent[], entry: PendingEvent): Admission {
    const body = entry.body;
    const chance = (): boolean => this.draws.aggregate.chance(this.latitudes.aggregateEvents);
    if (this.latitudes.aggregateEvents <= 0 || awaited(entry)) return KEEP;
    const queued = queue.filter((e) => sameTarget(e.body, body) && !awaited(e));
    if (body.type === 'completed' && OPERATION_RELS.has(body.link.rel)) {
      // A fast operation may show only its completed event.
      const steps = queued.filter((e) => e.body.type === 'started' || e.body.type === 'updated');
      return steps.length > 0 && chance() ? { remove: steps, keep: true } : KEEP;
    }
    if (body.type === 'updated') {
      // Several changes of one resource collapse into the latest (§5.4).
      const older = queued.filter((e) => e.body.type === 'updated' || (e.body.type === 'added' && !OPERATION_RELS.has(e.body.link.rel)));
      return older.length > 0 && chance() ? { remove: older, keep: true } : KEEP;
    }
    if (body.type === 'deleted' && PARTICIPANT_RELS.has(body.link.rel) && queued.some((e) => e.body.type === 'added')) {
      // One decision per participant, so its participantMessaging and participant pairs go together.
      const key = participantKey(body);
      const absorb = this.lastPair?.key === key ? this.lastPair.absorb : chance();
      this.lastPair = { key, absorb };
      return absorb ? { remove: queued, keep: false } : KEEP;
    }
    return KEEP;
  }

  take(queued: number): number {
    if (queued < 2 || !this.draws.split.chance(this.latitudes.splitBatches)) return queued;
    return this.draws.split.between(1, queued - 1);
  }

  mergeHoldMs(): number {
    if (!this.draws.merge.chance(this.latitudes.mergeBatches)) return 0;
    const hold = this.latitudes.mergeHoldMs;
    return this.draws.merge.between(Math.ceil(hold / 2), hold);
  }

  shape(body: UcwaEventBody): UcwaEventBody {
    if (body._embedded === undefined) return body;
    const stripRealtime = (): boolean => this.draws.embed.chance(this.latitudes.linkOnlyRealtime);
    switch (embeddingClass(body)) {
      case 'required':
        return body;
      case 'operation': {
        const href = body.link.href;
        if (body.type === 'completed') return this.copiesShown.delete(href) && this.latitudes.linkOnlyEvents ? linkOnly(body) : body;
        if (this.copiesShown.has(href)) return this.latitudes.linkOnlyEvents ? linkOnly(body) : body;
        if (stripRealtime()) return linkOnly(body);
        this.rememberShown(href);
        return body;
      }
      case 'usually':
        return stripRealtime() ? linkOnly(body) : body;
      case 'optional':
        return this.latitudes.linkOnlyEvents ? linkOnly(body) : body;
    }
  }

  newSenderBlock(): boolean {
    return this.draws.blocks.chance(this.latitudes.repeatSenders);
  }

  private rememberShown(href: string): void {
    this.copiesShown.add(href);
    if (this.copiesShown.size <= MAX_TRACKED_OPERATIONS) return;
    const oldest = this.copiesShown.values().next().value;
    if (oldest !== undefined) this.copiesShown.delete(oldest);
  }
}

/** Whether any latitude of the event channel is in use (otherwise the channel passes events through). */
export function shapesEvents(l: Latitudes): boolean {
  return l.linkOnlyEvents || l.linkOnlyRealtime > 0 || l.aggregateEvents > 0 || l.splitBatches > 0 || l.mergeBatches > 0 || l.repeatSenders > 0;
}
