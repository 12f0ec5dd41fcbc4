// Routes each event of a batch, in order, to the part of the client that owns it (protocol §9.7):
// me → own presence and note, people → contact presence and subscriptions, the rest → messaging.
// Link-only presence updates are coalesced per contact and fetched after the batch, together (§10.18, §8.1).
import type { AuthenticatedHttp } from './authenticated-http';
import { isUcwaError } from './errors';
import { getMany } from './batch';
import type { RawEvent } from './event-batch';
import type { UcwaEvent } from './events';
import type { Logger } from './logger';
import type { Messaging } from './messaging';
import type { People } from './people';
import { presenceFrom } from './people';
import type { PresenceSubscriber } from './presence-subscriber';
import type { Resource } from './resource';
import { yieldToEventLoop } from './slices';

/** Presence updates applied between two turns of the event loop; about a millisecond of work. */
export const PEOPLE_UPDATES_PER_SLICE = 200;


export class EventDispatcher {
  constructor(
    private readonly http: AuthenticatedHttp,
    private readonly messaging: Messaging,
    private readonly people: People,
    private readonly subscriber: PresenceSubscriber,
    private readonly emit: (event: UcwaEvent) => void,
    private readonly logger: Logger,
  ) {}

  async dispatch(events: readonly RawEvent[]): Promise<void> {
    // The common case at low traffic: one event that is not a contact update. No collecting, no
    // people round.
    const only = events.length === 1 ? events[0] : undefined;
    if (only !== undefined && only.sender.rel !== 'people') {
      await this.handleOne(only);
      return;
    }
    const presence = new Map<string, RawEvent>();
    const notes = new Map<string, RawEvent>();
    for (const event of events) {
      if (event.sender.rel === 'people' && event.type === 'updated' && event.rel === 'contactPresence') presence.set(event.url.pathname.toLowerCase(), event);
      else if (event.sender.rel === 'people' && event.type === 'updated' && event.rel === 'contactNote') notes.set(event.url.pathname.toLowerCase(), event);
      else await this.handleOne(event);
    }
    if (presence.size === 0 && notes.size === 0) return;
    try {
      await this.fetchPeopleUpdates([...presence.values()], [...notes.values()]);
    } catch (error) {
      this.logger.warn('could not apply contact updates', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * One event that cannot be handled (a malformed resource, a body that does not decode) is logged
   * and skipped alone; the rest of its batch still counts.
   */
  private async handleOne(event: RawEvent): Promise<void> {
    try {
      if (event.sender.rel === 'me') await this.onMeEvent(event);
      else if (event.sender.rel === 'people') {
        if (event.rel === 'presenceSubscription' && event.type === 'updated') await this.subscriber.onExpiryWarning(event.url);
      } else await this.messaging.handle(event, (e) => this.resourceOf(e));
    } catch (error) {
      this.logger.warn('skipped an event that could not be handled', { sender: event.sender.rel, rel: event.rel, type: event.type, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Real-time resources come embedded; others are link-only and fetched (§5.3). */
  async resourceOf(event: RawEvent): Promise<Resource | undefined> {
    if (event.resource !== undefined) return event.resource;
    try {
      return await this.http.getResource(event.url, event.rel);
    } catch (error) {
      // A finished operation answers 404 on a strict server: expected, and never needed for correctness.
      const log = isUcwaError(error, 'not-found') ? this.logger.info : this.logger.warn;
      log.call(this.logger, 'could not fetch an event target', { rel: event.rel, reason: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }

  private async onMeEvent(event: RawEvent): Promise<void> {
    if (event.rel === 'me') this.emit({ type: 'meChanged' });
    if (event.type === 'deleted') return;
    if (event.rel === 'presence') {
      const resource = await this.resourceOf(event);
      if (resource !== undefined) this.emit({ type: 'myPresenceChanged', presence: presenceFrom(resource) });
    } else if (event.rel === 'note') {
      const resource = await this.resourceOf(event);
      if (resource !== undefined) this.emit({ type: 'myNoteChanged', note: resource.string('message') ?? '' });
    }
  }

  /** Link-only presence and note updates, fetched together: in batches where the server allows (§8.1). */
  private async fetchPeopleUpdates(presence: readonly RawEvent[], notes: readonly RawEvent[]): Promise<void> {
    const all = [...presence, ...notes];
    const linkOnly = all.filter((e) => e.resource === undefined);
    const fetched = await getMany(this.http, this.people.batchUrl(), linkOnly.map((e) => e.url), 'contact presence or note');
    const byEvent = new Map(linkOnly.map((e, i) => [e, fetched[i]]));
    for (const [index, event] of all.entries()) {
      // Thousands of contacts at sign-in: listeners update windows per event, so the loop yields
      // between slices and the tray and windows never freeze behind one long batch.
      if (index > 0 && index % PEOPLE_UPDATES_PER_SLICE === 0) await yieldToEventLoop();
      const resource = event.resource ?? byEvent.get(event);
      if (resource === undefined) {
        this.logger.warn('could not fetch a contact update', { rel: event.rel, url: event.url.pathname });
        continue;
      }
      const uri = this.people.uriForHref(event.in?.url ?? event.url);
      if (event.rel === 'contactNote') this.emit({ type: 'contactNoteChanged', uri, note: resource.string('message') ?? '' });
      else this.emit({ type: 'presenceChanged', uri, presence: presenceFrom(resource) });
    }
  }
}
