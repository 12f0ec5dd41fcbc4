// Event bodies of the messaging walkthroughs (send-an-im, protocol §6.2–6.7).
import type { UcwaEventBody } from './event-channel';

export type EventBody = UcwaEventBody;
import type { ConversationView, InvitationView, PartyRef } from './conversation-view';
import { hrefs, renderConversation, renderInvitation, renderMessaging, renderParticipant } from './conversation-view';
import { encodeDataUri, ucwaDate } from './wire';

export const dataUri = (text: string, mime: string): string => encodeDataUri(mime === 'text/html' ? 'text/html' : 'text/plain', text);

export function invitationEvent(
  c: ConversationView,
  inv: InvitationView,
  type: 'started' | 'updated' | 'completed',
  extra: Partial<Pick<UcwaEventBody, 'status' | 'reason'>> & { acceptedBy?: PartyRef } = {},
): UcwaEventBody {
  const rendered = renderInvitation(c, inv, dataUri);
  if (extra.acceptedBy !== undefined) rendered._embedded = { acceptedByParticipant: [renderParticipant(c, extra.acceptedBy)] };
  const rel = inv.kind === 'onlineMeeting' ? 'onlineMeetingInvitation' : 'messagingInvitation';
  return {
    link: { rel, href: hrefs.invitationOf(c.app, inv) },
    type,
    _embedded: { [rel]: rendered },
    ...(extra.status === undefined ? {} : { status: extra.status }),
    ...(extra.reason === undefined ? {} : { reason: extra.reason }),
  };
}

export const conversationEvent = (c: ConversationView, type: 'added' | 'updated' | 'deleted', reason?: UcwaEventBody['reason']): UcwaEventBody => ({
  link: { rel: 'conversation', href: hrefs.conversation(c) },
  type,
  ...(reason === undefined ? {} : { reason }),
  ...(type === 'deleted' ? {} : { _embedded: { conversation: renderConversation(c) } }),
});

export const messagingEvent = (c: ConversationView): UcwaEventBody => ({
  link: { rel: 'messaging', href: hrefs.messaging(c) },
  type: 'updated',
  _embedded: { messaging: renderMessaging(c) },
});

/** Under `_embedded.localParticipant` the object's own rel is `participant` (§10.15). */
export const localParticipantEvent = (c: ConversationView): UcwaEventBody => ({
  link: { rel: 'localParticipant', href: hrefs.participant(c, c.app.user.uri) },
  type: 'added',
  _embedded: { localParticipant: renderParticipant(c, { uri: c.app.user.uri, name: c.app.user.name }) },
});

/** Remote participants arrive link-only (§5.3): the title carries the display name. */
export const participantEvent = (c: ConversationView, party: PartyRef, type: 'added' | 'deleted'): UcwaEventBody => ({
  link: { rel: 'participant', href: hrefs.participant(c, party.uri), title: party.name },
  type,
});

export const participantMessagingEvent = (c: ConversationView, party: PartyRef, type: 'added' | 'deleted'): UcwaEventBody => ({
  link: { rel: 'participantMessaging', href: hrefs.participantMessaging(c, party.uri) },
  in: { rel: 'participant', href: hrefs.participant(c, party.uri) },
  type,
});

export const typingEvent = (c: ConversationView, party: PartyRef, type: 'added' | 'deleted'): UcwaEventBody => ({
  link: { rel: 'participant', href: hrefs.participant(c, party.uri), title: party.name },
  in: { rel: 'typingParticipants', href: `${hrefs.messaging(c)}/typingParticipants` },
  type,
});

export interface IncomingMessage {
  readonly n: number;
  readonly from: PartyRef;
  readonly text: string;
  readonly html: string | undefined;
  readonly time: number;
}

export function incomingMessageEvent(c: ConversationView, m: IncomingMessage): UcwaEventBody {
  const links: Record<string, { href: string; title?: string }> = {
    self: { href: hrefs.message(c, m.n) },
    participant: { href: hrefs.participant(c, m.from.uri), title: m.from.name },
    contact: { href: hrefs.contact(c.app, m.from.uri) },
    messaging: { href: hrefs.messaging(c) },
    plainMessage: { href: encodeDataUri('text/plain', m.text) },
  };
  if (m.html !== undefined && c.negotiated.includes('Html')) links.htmlMessage = { href: encodeDataUri('text/html', m.html) };
  return {
    link: { rel: 'message', href: hrefs.message(c, m.n) },
    type: 'completed',
    status: 'Success',
    _embedded: { message: { direction: 'Incoming', timeStamp: ucwaDate(m.time), _links: links, rel: 'message' } },
  };
}

/** Outgoing message events carry no text, only the operation (§10.11). */
export function outgoingMessageEvent(
  c: ConversationView,
  n: number,
  operationId: string | undefined,
  type: 'started' | 'completed',
  failure?: { readonly subcode: string; readonly message: string; readonly failed: readonly PartyRef[] },
): UcwaEventBody {
  const message: Record<string, unknown> = {
    direction: 'Outgoing',
    timeStamp: ucwaDate(Date.now()),
    ...(operationId === undefined ? {} : { operationId }),
    _links: { self: { href: hrefs.message(c, n) }, messaging: { href: hrefs.messaging(c) } },
    rel: 'message',
  };
  if (failure !== undefined) message._embedded = { failedDeliveryParticipant: failure.failed.map((p) => renderParticipantRef(c, p)) };
  return {
    link: { rel: 'message', href: hrefs.message(c, n) },
    type,
    _embedded: { message },
    ...(type === 'completed' ? { status: failure === undefined ? ('Success' as const) : ('Failure' as const) } : {}),
    ...(failure === undefined ? {} : { reason: { code: 'RemoteFailure', subcode: failure.subcode, message: failure.message } }),
  };
}

function renderParticipantRef(c: ConversationView, p: PartyRef): Record<string, unknown> {
  return renderParticipant(c, p);
}

/** Plain text of an HTML body, for recipients that did not negotiate Html. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}
