// Group chats (protocol §6.5, §6.8, §10.23): adding someone to a two-party conversation escalates
// it to a conference (Conferencing → Conferenced, an onlineMeeting link, messaging renegotiated;
// with the `deriveOnEscalation` latitude a new, derived conversation on the same thread replaces
// the old one). People invited into a conference get an onlineMeetingInvitation: accepting joins
// the meeting without IM, and the application adds messaging itself (addMessaging).
import type { SimApplication } from './application';
import type { ConversationView, PartyRef } from './conversation-view';
import { conversationSender } from './conversation-view';
import type { ImSession } from './im-session';
import { memberRef } from './im-session';
import * as ev from './messaging-events';
import { endInvitation, outgoingInvitation } from './invitation-outcomes';
import { participantJoined } from './participant-invitations';
import type { OpResult } from './messaging-service';

export interface ConferenceHost {
  readonly deriveOnEscalation: boolean;
  newView(app: SimApplication, sessionId: string, state: ConversationView['state'], subject: string, threadId: string): ConversationView;
}

const me = (c: ConversationView): PartyRef => ({ uri: c.app.user.uri, name: c.app.user.name });

function emitConv(c: ConversationView, body: ev.EventBody): void {
  c.app.emit(conversationSender(c), body);
}

/** Formats every member whose messaging is up supports: Html only when all of them enabled it (§4, §6.1). */
export function renegotiate(session: ImSession): void {
  const connected = session.members.flatMap((m) => (m.kind === 'app' && m.conv.messagingState === 'Connected' ? [m.conv] : []));
  const agreed = connected.every((c) => c.app.formats.includes('Html')) ? ['Plain', 'Html'] : ['Plain'];
  for (const conv of connected) conv.negotiated = agreed;
}

export class Conferences {
  constructor(private readonly host: ConferenceHost) {}

  /** A two-party conversation becomes a conference before anyone else is invited (§6.8). */
  escalate(session: ImSession): void {
    if (session.conference) return;
    session.conference = true;
    session.members.forEach((member, index) => {
      if (member.kind !== 'app') return;
      const conv = this.host.deriveOnEscalation ? this.derive(member.conv) : member.conv;
      if (conv === member.conv) this.escalateInPlace(conv);
      else session.members[index] = { kind: 'app', conv };
    });
  }

  private escalateInPlace(conv: ConversationView): void {
    conv.state = 'Conferencing';
    conv.app.emit('communication', ev.conversationEvent(conv, 'updated'));
    conv.state = 'Conferenced';
    conv.app.emit('communication', ev.conversationEvent(conv, 'updated'));
    // Messaging moves into the conference: it reconnects (§6.8 "messaging may renegotiate").
    conv.messagingState = 'Connecting';
    emitConv(conv, ev.messagingEvent(conv));
    conv.messagingState = 'Connected';
    emitConv(conv, ev.messagingEvent(conv));
  }

  /**
   * The conference lives in a new conversation on the same thread (§6.8 `derivedConversation`,
   * subcode DerivedConversation); the old one is deleted. Pending addParticipant operations move with it.
   */
  private derive(old: ConversationView): ConversationView {
    const conv = this.host.newView(old.app, old.sessionId, 'Conferenced', old.subject, old.threadId);
    conv.messagingState = 'Connected';
    conv.remotes = [...old.remotes];
    conv.negotiated = old.negotiated;
    for (const [id, inv] of old.participantInvitations) conv.participantInvitations.set(id, inv);
    old.derivedInto = conv;
    old.app.emit('communication', ev.conversationEvent(old, 'updated', { code: 'Informational', subcode: 'DerivedConversation', message: 'The conversation continues as a conference.' }));
    conv.app.emit('communication', ev.conversationEvent(conv, 'added', { code: 'Informational', subcode: 'DerivedConversation' }));
    emitConv(conv, ev.localParticipantEvent(conv));
    for (const remote of conv.remotes) {
      emitConv(conv, ev.participantEvent(conv, remote, 'added'));
      emitConv(conv, ev.participantMessagingEvent(conv, remote, 'added'));
    }
    emitConv(conv, ev.participantMessagingEvent(conv, me(conv), 'added'));
    emitConv(conv, ev.messagingEvent(conv));
    old.messagingState = 'Disconnected';
    old.state = 'Disconnected';
    emitConv(old, ev.messagingEvent(old));
    old.app.conversations.delete(old.id);
    old.app.emit('communication', ev.conversationEvent(old, 'deleted'));
    return conv;
  }

  /** Accepting an onlineMeetingInvitation joins the meeting; IM is not part of it yet (§6.5). */
  joinMeeting(session: ImSession, conv: ConversationView): void {
    conv.state = 'Conferenced';
    conv.app.emit('communication', ev.conversationEvent(conv, 'updated'));
    endInvitation(conv, 'Success', undefined, undefined, 'Connected', me(conv));
    const joiner = me(conv);
    const already = new Set(conv.remotes.map((r) => r.uri.toLowerCase()));
    for (const member of session.members) {
      const ref = memberRef(member);
      if (!already.has(ref.uri.toLowerCase())) conv.remotes.push(ref);
      emitConv(conv, ev.participantEvent(conv, ref, 'added'));
      if (member.kind === 'scripted' || member.conv.messagingState === 'Connected') emitConv(conv, ev.participantMessagingEvent(conv, ref, 'added'));
      if (member.kind !== 'app') continue;
      const other = member.conv;
      other.remotes.push(joiner);
      emitConv(other, ev.participantEvent(other, joiner, 'added'));
      participantJoined(other, joiner);
    }
    session.members.push({ kind: 'app', conv });
  }

  /** addMessaging inside a conference we joined: IM connects in place, and the others see us in it (§6.5). */
  addMessaging(session: ImSession, conv: ConversationView, operationId: string | undefined): OpResult {
    const inv = outgoingInvitation(conv, { to: conv.app.user.uri, subject: conv.subject, operationId, threadId: conv.threadId, firstMessage: undefined });
    conv.messagingState = 'Connecting';
    conv.app.emit('communication', ev.invitationEvent(conv, inv, 'started'));
    emitConv(conv, ev.messagingEvent(conv));
    queueMicrotask(() => {
      if (!session.members.some((m) => m.kind === 'app' && m.conv === conv)) {
        endInvitation(conv, 'Failure', 'Removed', 'You are no longer in the conference.');
        return;
      }
      conv.messagingState = 'Connected';
      renegotiate(session);
      emitConv(conv, ev.participantMessagingEvent(conv, me(conv), 'added'));
      emitConv(conv, ev.messagingEvent(conv));
      endInvitation(conv, 'Success', undefined, undefined, 'Connected', me(conv));
      for (const member of session.members) {
        if (member.kind !== 'app' || member.conv === conv) continue;
        emitConv(member.conv, ev.participantMessagingEvent(member.conv, me(conv), 'added'));
        // Formats may have narrowed: members whose messaging is up hear of it.
        if (member.conv.messagingState === 'Connected') emitConv(member.conv, ev.messagingEvent(member.conv));
      }
    });
    return { ok: true, location: `${conv.app.communicationHref}/messagingInvitations/${inv.id}` };
  }
}
