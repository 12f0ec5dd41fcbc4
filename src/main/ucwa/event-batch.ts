// One event-channel response (protocol §5.3, §5.6) turned into an ordered list of events. Senders
// and events keep their array order; a sender may repeat (§10.16), so nothing is regrouped.
import { UcwaError } from './errors';
import { Resource, asRawResource, resolveHref } from './resource';

// Checked in place, without a schema library: every event passes here (tens of thousands a second
// in a burst), and a schema's copy of each object cost more than the rest of the parsing together.
type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** { rel: string, href: string, title?: string } and anything else besides. */
function isEventLink(value: unknown): value is { rel: string; href: string; title?: string } {
  return isRecord(value) && typeof value.rel === 'string' && typeof value.href === 'string' && optionalString(value.title);
}

interface CheckedEvent {
  readonly link: { readonly rel: string; readonly href: string; readonly title?: string };
  readonly type: string;
  readonly in?: { readonly rel: string; readonly href: string };
  readonly _embedded?: Json;
  readonly status?: string;
  readonly reason?: unknown;
}

function asEvent(value: unknown): CheckedEvent | undefined {
  if (!isRecord(value) || !isEventLink(value.link) || typeof value.type !== 'string') return undefined;
  if (value.in !== undefined && !(isRecord(value.in) && typeof value.in.rel === 'string' && typeof value.in.href === 'string')) return undefined;
  if (value._embedded !== undefined && !isRecord(value._embedded)) return undefined;
  if (!optionalString(value.status)) return undefined;
  return value as unknown as CheckedEvent;
}

export type EventType = 'added' | 'updated' | 'deleted' | 'started' | 'completed';

export interface EventReason {
  readonly code?: string;
  readonly subcode?: string;
  readonly message?: string;
}

export interface RawEvent {
  readonly sender: { readonly rel: string; readonly url: URL };
  readonly rel: string;
  readonly url: URL;
  readonly title?: string;
  readonly type: EventType | string;
  readonly in?: { readonly rel: string; readonly url: URL };
  /** The embedded copy of the target, keyed by the link rel (§5.3), when the server sent one. */
  readonly resource?: Resource;
  readonly status?: string;
  readonly reason?: EventReason;
}

export interface EventBatch {
  readonly next?: URL;
  readonly resync?: URL;
  readonly resume?: URL;
  readonly events: readonly RawEvent[];
}

/**
 * One bad sender or event (a malformed link, an unparseable embedded resource) is reported through
 * `skipped` and left out alone: the rest of the batch still counts, and the channel moves on.
 */
export function parseEventBatch(value: unknown, base: URL, skipped: (why: string) => void = () => undefined): EventBatch {
  if (!isRecord(value) || !isRecord(value._links) || (value.sender !== undefined && !Array.isArray(value.sender))) {
    throw new UcwaError('malformed-response', 'The server sent a malformed event batch.');
  }
  const links = value._links;
  const events: RawEvent[] = [];
  const senders: readonly unknown[] = (value.sender as unknown[] | undefined) ?? [];
  for (let index = 0; index < senders.length; index++) {
    const sender = senders[index];
    const valid = isRecord(sender) && typeof sender.rel === 'string' && typeof sender.href === 'string' && (sender.events === undefined || Array.isArray(sender.events));
    const senderUrl = valid ? resolveHref(sender.href as string, base) : undefined;
    if (!valid || senderUrl === undefined) {
      skipped(`sender ${index} is malformed`);
      continue;
    }
    const rel = sender.rel as string;
    const list = (sender.events as unknown[] | undefined) ?? [];
    const from = { rel, url: senderUrl };
    for (let eventIndex = 0; eventIndex < list.length; eventIndex++) {
      const event = toRawEvent(list[eventIndex], from, base);
      if (event === undefined) skipped(`event ${eventIndex} of sender ${rel} is malformed`);
      else events.push(event);
    }
  }
  const next = linkUrl(links, 'next', base);
  const resync = linkUrl(links, 'resync', base);
  const resume = linkUrl(links, 'resume', base);
  if (next === undefined && resync === undefined && resume === undefined) {
    throw new UcwaError('malformed-response', 'The event batch has no next, resync or resume link.');
  }
  const batch: { -readonly [K in keyof EventBatch]: EventBatch[K] } = { events };
  if (next !== undefined) batch.next = next;
  if (resync !== undefined) batch.resync = resync;
  if (resume !== undefined) batch.resume = resume;
  return batch;
}

function linkUrl(links: Json, rel: string, base: URL): URL | undefined {
  const link = links[rel];
  return isRecord(link) && typeof link.href === 'string' ? resolveHref(link.href, base) : undefined;
}

function toRawEvent(value: unknown, sender: RawEvent['sender'], base: URL): RawEvent | undefined {
  const event = asEvent(value);
  if (event === undefined) return undefined;
  const url = resolveHref(event.link.href, base);
  if (url === undefined) return undefined;
  const embeddedRaw = (event._embedded !== undefined && Object.hasOwn(event._embedded, event.link.rel) ? event._embedded[event.link.rel] : undefined) ?? firstValue(event._embedded);
  const resource = embeddedRaw === undefined ? undefined : toResource(embeddedRaw, base);
  const inUrl = event.in === undefined ? undefined : resolveHref(event.in.href, base);
  // Filled in place rather than spread together: one object per event, not six.
  const raw: { -readonly [K in keyof RawEvent]: RawEvent[K] } = { sender, rel: event.link.rel, url, type: event.type };
  if (event.link.title !== undefined) raw.title = event.link.title;
  if (event.in !== undefined && inUrl !== undefined) raw.in = { rel: event.in.rel, url: inUrl };
  if (resource !== undefined) raw.resource = resource;
  if (event.status !== undefined) raw.status = event.status;
  if (event.reason !== undefined) raw.reason = cleanReason(event.reason);
  return raw;
}

function firstValue(record: Record<string, unknown> | undefined): unknown {
  if (record === undefined) return undefined;
  const values = Object.values(record);
  return values.length === 1 ? values[0] : undefined;
}

function toResource(value: unknown, base: URL): Resource | undefined {
  const raw = asRawResource(Array.isArray(value) ? value[0] : value);
  return raw === undefined ? undefined : new Resource(raw, base);
}

function cleanReason(value: unknown): EventReason {
  // All or nothing, as before: one field of the wrong type and the reason says nothing.
  if (!isRecord(value) || !optionalString(value.code) || !optionalString(value.subcode) || !optionalString(value.message)) return {};
  return {
    ...(value.code === undefined ? {} : { code: value.code as string }),
    ...(value.subcode === undefined ? {} : { subcode: value.subcode as string }),
    ...(value.message === undefined ? {} : { message: value.message as string }),
  };
}
