// addParticipant operations (protocol §6.8): a participantInvitation is started (sender
// communication) and completes with Success when the invitee joins, or with Failure and a reason
// when the invitee declines, does not answer or cannot be reached.
import type { UcwaEventBody } from './event-channel';
import type { ConversationView, ParticipantInvitationView, PartyRef } from './conversation-view';
import { hrefs, renderParticipant } from './conversation-view';
import { newId } from './im-session';

export function renderParticipantInvitation(c: ConversationView, inv: ParticipantInvitationView, acceptedBy?: PartyRef): Record<string, unknown> {
  const self = hrefs.participantInvitation(c.app, inv.id);
  return {
    direction: 'Outgoing',
    state: inv.state,
    to: inv.to,
    ...(inv.operationId === undefined ? {} : { operationId: inv.operationId }),
    _links: { self: { href: self }, conversation: { href: hrefs.conversation(c) } },
    ...(acceptedBy === undefined ? {} : { _embedded: { acceptedByParticipant: [renderParticipant(c, acceptedBy)] } }),
    rel: 'participantInvitation',
  };
}

function event(c: ConversationView, inv: ParticipantInvitationView, type: 'started' | 'completed', extra: Pick<UcwaEventBody, 'status' | 'reason'> = {}, acceptedBy?: PartyRef): UcwaEventBody {
  return {
    link: { rel: 'participantInvitation', href: hrefs.participantInvitation(c.app, inv.id) },
    type,
    _embedded: { participantInvitation: renderParticipantInvitation(c, inv, acceptedBy) },
    ...extra,
  };
}

/** Starts the operation; the caller invites `to` into the conversation's session. */
export function startParticipantInvitation(c: ConversationView, to: string, operationId: string | undefined): ParticipantInvitationView {
  const inv: ParticipantInvitationView = { id: newId(), to, operationId, state: 'Connecting' };
  c.participantInvitations.set(inv.id, inv);
  c.app.emit('communication', event(c, inv, 'started'));
  return inv;
}

function pendingFor(c: ConversationView, uri: string): ParticipantInvitationView[] {
  const key = uri.toLowerCase();
  return [...c.participantInvitations.values()].filter((inv) => inv.state === 'Connecting' && inv.to.toLowerCase() === key);
}

export function participantJoined(c: ConversationView, who: PartyRef): void {
  for (const inv of pendingFor(c, who.uri)) {
    inv.state = 'Connected';
    c.app.emit('communication', event(c, inv, 'completed', { status: 'Success' }, who));
  }
}

export function participantFailed(c: ConversationView, uri: string, subcode: string, message: string): void {
  for (const inv of pendingFor(c, uri)) {
    inv.state = 'Failed';
    c.app.emit('communication', event(c, inv, 'completed', { status: 'Failure', reason: { code: 'RemoteFailure', subcode, message } }));
  }
}
