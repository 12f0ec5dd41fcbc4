// One application's view of a conversation and the resources under it (protocol §6.1), rendered
// with hrefs relative to the pool, as the server sends them.
import type { SimApplication } from './application';

export type ConversationState = 'Incoming' | 'Connecting' | 'Connected' | 'Conferencing' | 'Conferenced' | 'Disconnected';
export type ModalityState = 'Connecting' | 'Connected' | 'Disconnected';

export interface PartyRef {
  readonly uri: string;
  readonly name: string;
}

export interface InvitationView {
  readonly id: string;
  /** A group chat invites with an onlineMeetingInvitation, everything else with a messagingInvitation (§6.5, §10.23). */
  readonly kind: 'messaging' | 'onlineMeeting';
  readonly direction: 'Incoming' | 'Outgoing';
  state: 'Connecting' | 'Connected' | 'Failed' | 'Declined' | 'Cancelled';
  readonly operationId: string | undefined;
  readonly to: string;
  readonly from: PartyRef;
  readonly subject: string;
  readonly threadId: string;
  readonly firstMessage: { readonly text: string; readonly mime: string } | undefined;
  timer?: NodeJS.Timeout;
}

/** An addParticipant operation (§6.8), sent by the application that owns the conversation view. */
export interface ParticipantInvitationView {
  readonly id: string;
  readonly to: string;
  readonly operationId: string | undefined;
  state: 'Connecting' | 'Connected' | 'Failed';
}

export interface ConversationView {
  readonly id: string;
  readonly app: SimApplication;
  sessionId: string;
  state: ConversationState;
  messagingState: ModalityState;
  subject: string;
  threadId: string;
  /** Everyone else in the conversation, in join order. */
  remotes: PartyRef[];
  invitation: InvitationView | undefined;
  nextMessage: number;
  /** Formats every member supports; Html only when all of them enabled it (§4, §6.1). */
  negotiated: readonly string[];
  readonly typing: Map<string, NodeJS.Timeout>;
  readonly participantInvitations: Map<string, ParticipantInvitationView>;
  /** Set when escalation moved this application's view of the conference to a new conversation (§6.8). */
  derivedInto?: ConversationView;
  /** Outgoing messages whose outcome is not known yet, by number: a GET answers them until then. */
  readonly messagesInProgress: Map<number, { readonly operationId: string | undefined; readonly time: number }>;
}

export function userPart(uri: string): string {
  return uri.replace(/^sip:/i, '').toLowerCase();
}

export const hrefs = {
  conversation: (c: ConversationView) => `${c.app.communicationHref}/conversations/${c.id}`,
  messaging: (c: ConversationView) => `${hrefs.conversation(c)}/messaging`,
  participants: (c: ConversationView) => `${hrefs.conversation(c)}/participants`,
  participant: (c: ConversationView, uri: string) => `${hrefs.participants(c)}/${userPart(uri)}`,
  participantMessaging: (c: ConversationView, uri: string) => `${hrefs.participant(c, uri)}/messaging`,
  message: (c: ConversationView, n: number) => `${hrefs.messaging(c)}/messages/${n}`,
  invitation: (app: SimApplication, id: string) => `${app.communicationHref}/messagingInvitations/${id}`,
  onlineMeetingInvitation: (app: SimApplication, id: string) => `${app.communicationHref}/onlineMeetingInvitations/${id}`,
  invitationOf: (app: SimApplication, inv: InvitationView) => (inv.kind === 'onlineMeeting' ? hrefs.onlineMeetingInvitation(app, inv.id) : hrefs.invitation(app, inv.id)),
  onlineMeeting: (c: ConversationView) => `${hrefs.conversation(c)}/onlineMeeting`,
  participantInvitation: (app: SimApplication, id: string) => `${app.communicationHref}/participantInvitations/${id}`,
  contact: (app: SimApplication, uri: string) => `${app.base}/people/${userPart(uri)}`,
};

export function conversationSender(c: ConversationView): { rel: string; href: string } {
  return { rel: 'conversation', href: hrefs.conversation(c) };
}

export function renderConversation(c: ConversationView): Record<string, unknown> {
  const self = hrefs.conversation(c);
  const links: Record<string, { href: string }> = {
    self: { href: self },
    messaging: { href: hrefs.messaging(c) },
    participants: { href: hrefs.participants(c) },
    localParticipant: { href: hrefs.participant(c, c.app.user.uri) },
  };
  if (c.state === 'Connected' || c.state === 'Conferenced') links.addParticipant = { href: `${c.app.communicationHref}/participantInvitations?conversation=${c.id}` };
  // A conference has an onlineMeeting (§6.8); an escalation that made a new conversation names it.
  if (c.state === 'Conferencing' || c.state === 'Conferenced') links.onlineMeeting = { href: hrefs.onlineMeeting(c) };
  if (c.derivedInto !== undefined) links.derivedConversation = { href: hrefs.conversation(c.derivedInto) };
  return {
    state: c.state,
    threadId: c.threadId,
    subject: c.subject,
    activeModalities: c.messagingState === 'Connected' ? ['Messaging'] : [],
    importance: 'Normal',
    participantCount: c.remotes.length + 1,
    _links: links,
    rel: 'conversation',
  };
}

export function renderMessaging(c: ConversationView): Record<string, unknown> {
  const self = hrefs.messaging(c);
  const links: Record<string, { href: string }> = { self: { href: self }, conversation: { href: hrefs.conversation(c) } };
  if (c.messagingState === 'Connected') {
    links.sendMessage = { href: `${self}/messages` };
    links.setIsTyping = { href: `${self}/typing` };
    links.typingParticipants = { href: `${self}/typingParticipants` };
  }
  if (c.messagingState !== 'Disconnected') links.stopMessaging = { href: `${self}/terminate` };
  else links.addMessaging = { href: `${self}/messagingInvitations` };
  return {
    state: c.messagingState,
    ...(c.messagingState === 'Connected' ? { negotiatedMessageFormats: c.negotiated } : {}),
    _links: links,
    rel: 'messaging',
  };
}

export function renderParticipant(c: ConversationView, party: PartyRef): Record<string, unknown> {
  const self = hrefs.participant(c, party.uri);
  const local = party.uri.toLowerCase() === c.app.user.uri.toLowerCase();
  return {
    name: party.name,
    uri: party.uri,
    sourceNetwork: 'SameEnterprise',
    anonymous: false,
    local,
    _links: {
      self: { href: self, title: party.name },
      contact: { href: hrefs.contact(c.app, party.uri) },
      participantMessaging: { href: hrefs.participantMessaging(c, party.uri) },
      conversation: { href: hrefs.conversation(c) },
    },
    rel: 'participant',
  };
}

export function renderInvitation(c: ConversationView, inv: InvitationView, dataUri: (text: string, mime: string) => string): Record<string, unknown> {
  const self = hrefs.invitationOf(c.app, inv);
  const links: Record<string, { href: string; title?: string }> = {
    self: { href: self },
    conversation: { href: hrefs.conversation(c) },
    messaging: { href: hrefs.messaging(c) },
    from: { href: hrefs.participant(c, inv.from.uri), title: inv.from.name },
    to: { href: hrefs.contact(c.app, inv.to) },
  };
  if (inv.state === 'Connecting') {
    if (inv.direction === 'Incoming') {
      links.accept = { href: `${self}/accept` };
      links.decline = { href: `${self}/decline` };
    } else {
      links.cancel = { href: `${self}/cancel` };
    }
  }
  if (inv.firstMessage !== undefined) links.message = { href: dataUri(inv.firstMessage.text, inv.firstMessage.mime) };
  return {
    direction: inv.direction,
    state: inv.state,
    importance: 'Normal',
    subject: inv.subject,
    threadId: inv.threadId,
    to: inv.to,
    ...(inv.operationId === undefined ? {} : { operationId: inv.operationId }),
    _links: links,
    ...(inv.kind === 'onlineMeeting' ? { availableModalities: ['Messaging'], onlineMeetingUri: `sip:${userPart(inv.from.uri)};gruu;opaque=app:conf:focus:id:${c.threadId}` } : {}),
    _embedded: inv.direction === 'Incoming' ? { from: renderParticipant(c, inv.from) } : {},
    rel: inv.kind === 'onlineMeeting' ? 'onlineMeetingInvitation' : 'messagingInvitation',
  };
}
