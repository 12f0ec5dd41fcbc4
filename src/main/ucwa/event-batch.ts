// One event-channel response (protocol §5.3, §5.6) turned into an ordered list of events. Senders
// and events keep their array order; a sender may repeat (§10.16), so nothing is regrouped.
import { z } from 'zod';
import { UcwaError } from './errors';
import { Resource, resolveHref, resourceSchema } from './resource';

const reasonSchema = z.object({ code: z.string().optional(), subcode: z.string().optional(), message: z.string().optional() }).passthrough();
const eventSchema = z
  .object({
    link: z.object({ rel: z.string(), href: z.string(), title: z.string().optional() }).passthrough(),
    type: z.string(),
    in: z.object({ rel: z.string(), href: z.string() }).passthrough().optional(),
    _embedded: z.record(z.string(), z.unknown()).optional(),
    status: z.string().optional(),
    // A malformed reason does not make the event unusable: it is read leniently below.
    reason: z.unknown().optional(),
  })
  .passthrough();
const linkSchema = z.object({ href: z.string() }).passthrough();
const senderSchema = z.object({ rel: z.string(), href: z.string(), events: z.array(z.unknown()).optional() }).passthrough();
const batchSchema = z
  .object({
    _links: z.record(z.string(), z.unknown()),
    sender: z.array(z.unknown()).optional(),
  })
  .passthrough();

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
  const parsed = batchSchema.safeParse(value);
  if (!parsed.success) throw new UcwaError('malformed-response', 'The server sent a malformed event batch.');
  const links = parsed.data._links;
  const linkUrl = (rel: string): URL | undefined => {
    const link = linkSchema.safeParse(links[rel]);
    return link.success ? resolveHref(link.data.href, base) : undefined;
  };
  const events: RawEvent[] = [];
  for (const [index, rawSender] of (parsed.data.sender ?? []).entries()) {
    const sender = senderSchema.safeParse(rawSender);
    const senderUrl = sender.success ? resolveHref(sender.data.href, base) : undefined;
    if (!sender.success || senderUrl === undefined) {
      skipped(`sender ${index} is malformed`);
      continue;
    }
    for (const [eventIndex, rawEvent] of (sender.data.events ?? []).entries()) {
      const event = toRawEvent(rawEvent, { rel: sender.data.rel, url: senderUrl }, base);
      if (event === undefined) skipped(`event ${eventIndex} of sender ${sender.data.rel} is malformed`);
      else events.push(event);
    }
  }
  const next = linkUrl('next');
  const resync = linkUrl('resync');
  const resume = linkUrl('resume');
  if (next === undefined && resync === undefined && resume === undefined) {
    throw new UcwaError('malformed-response', 'The event batch has no next, resync or resume link.');
  }
  return { ...(next === undefined ? {} : { next }), ...(resync === undefined ? {} : { resync }), ...(resume === undefined ? {} : { resume }), events };
}

function toRawEvent(value: unknown, sender: RawEvent['sender'], base: URL): RawEvent | undefined {
  const parsed = eventSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const event = parsed.data;
  const url = resolveHref(event.link.href, base);
  if (url === undefined) return undefined;
  const embeddedRaw = event._embedded?.[event.link.rel] ?? firstValue(event._embedded);
  const resource = embeddedRaw === undefined ? undefined : toResource(embeddedRaw, base);
  const inUrl = event.in === undefined ? undefined : resolveHref(event.in.href, base);
  return {
    sender,
    rel: event.link.rel,
    url,
    ...(event.link.title === undefined ? {} : { title: event.link.title }),
    type: event.type,
    ...(event.in === undefined || inUrl === undefined ? {} : { in: { rel: event.in.rel, url: inUrl } }),
    ...(resource === undefined ? {} : { resource }),
    ...(event.status === undefined ? {} : { status: event.status }),
    ...(event.reason === undefined ? {} : { reason: cleanReason(event.reason) }),
  };
}

function firstValue(record: Record<string, unknown> | undefined): unknown {
  if (record === undefined) return undefined;
  const values = Object.values(record);
  return values.length === 1 ? values[0] : undefined;
}

function toResource(value: unknown, base: URL): Resource | undefined {
  const parsed = resourceSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? new Resource(parsed.data, base) : undefined;
}

function cleanReason(value: unknown): EventReason {
  const parsed = reasonSchema.safeParse(value);
  if (!parsed.success) return {};
  const reason = parsed.data;
  return {
    ...(reason.code === undefined ? {} : { code: reason.code }),
    ...(reason.subcode === undefined ? {} : { subcode: reason.subcode }),
    ...(reason.message === undefined ? {} : { message: reason.message }),
  };
}
