// How invitations end (protocol §6.2, §6.5, §6.9): completed with Success, or with Failure and a
// reason; an outgoing failure disconnects the inviter's conversation, an incoming one deletes it.
import type { ConversationView, InvitationView, PartyRef } from './conversation-view';
import { conversationSender } from './conversation-view';
import type { ImSession } from './im-session';
import { newId } from './im-session';
import * as ev from './messaging-events';
import type { StartOptions } from './messaging-service';
import { participantFailed } from './participant-invitations';

export function failInviter(session: ImSession, invitee: string, subcode: string, message: string): void {
  for (const member of session.members) {
    if (member.kind === 'app') participantFailed(member.conv, invitee, subcode, message);
    if (member.kind !== 'app' || member.conv.invitation?.direction !== 'Outgoing' || member.conv.invitation.state !== 'Connecting') continue;
    const conv = member.conv;
    endInvitation(conv, 'Failure', subcode, message);
    conv.messagingState = 'Disconnected';
    conv.state = 'Disconnected';
    conv.app.emit(conversationSender(conv), ev.messagingEvent(conv));
    conv.app.emit('communication', ev.conversationEvent(conv, 'updated'));
  }
}

export function expirePending(session: ImSession, subcode: string, message: string): void {
  for (const pending of session.pending.values()) for (const view of pending.views) endInvitation(view, 'Failure', subcode, message, 'Cancelled');
  session.pending.clear();
}

export function endInvitation(conv: ConversationView, status: 'Success' | 'Failure', subcode?: string, message?: string, state?: InvitationView['state'], acceptedBy?: PartyRef): void {
  const inv = conv.invitation;
  if (inv === undefined || inv.state !== 'Connecting') return;
  inv.state = state ?? (status === 'Success' ? 'Connected' : 'Failed');
  const reason = status === 'Failure' ? { code: 'RemoteFailure', ...(subcode === undefined ? {} : { subcode }), message: message ?? 'Failed.' } : undefined;
  conv.app.emit('communication', ev.invitationEvent(conv, inv, 'completed', { status, ...(reason === undefined ? {} : { reason }), ...(acceptedBy === undefined ? {} : { acceptedBy }) }));
  if (status === 'Failure' && inv.direction === 'Incoming') {
    conv.app.conversations.delete(conv.id);
    conv.app.emit('communication', ev.conversationEvent(conv, 'deleted'));
  }
}

export function outgoingInvitation(conv: ConversationView, options: StartOptions): InvitationView {
  const inv: InvitationView = {
    id: newId(),
    kind: 'messaging',
    direction: 'Outgoing',
    state: 'Connecting',
    operationId: options.operationId,
    to: options.to,
    from: { uri: conv.app.user.uri, name: conv.app.user.name },
    subject: options.subject,
    threadId: conv.threadId,
    firstMessage: options.firstMessage,
  };
  conv.invitation = inv;
  return inv;
}
