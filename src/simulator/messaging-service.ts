// Instant messaging between applications and scripted parties (protocol §6): invitations, accept,
// decline, timeouts, messages with the collection fuse, typing, leaving and re-adding messaging.
import type { SimApplication } from './application';
import type { Directory, ScriptedPartyConfig } from './directory';
import type { ConversationView, InvitationView, PartyRef } from './conversation-view';
import { conversationSender, hrefs } from './conversation-view';
import type { ImSession, Member } from './im-session';
import { SessionRegistry, memberRef, memberUri, newId } from './im-session';
import * as ev from './messaging-events';
import { MessageDelivery } from './message-delivery';
import { endInvitation, expirePending, failInviter, outgoingInvitation } from './invitation-outcomes';
import { participantJoined, startParticipantInvitation } from './participant-invitations';
import { Conferences } from './conference';

export interface MessagingTimings {
  readonly invitationTimeoutMs: number;
  readonly collectMs: number;
  readonly typingMs: number;
  readonly botDelayMs: number;
}

export interface MessagingContext {
  readonly directory: Directory;
  availableApps(uri: string): SimApplication[];
  readonly timings: MessagingTimings;
  readonly stats: { lostIncoming: number; delivered: number };
  /** The `deriveOnEscalation` latitude: escalation moves the conference to a new conversation (§6.8). */
  readonly deriveOnEscalation: boolean;
  /** Someone could not be reached or did not answer: a missed conversation in their log (§8.2), where offered. */
  missed?(to: string, from: PartyRef, text: string | undefined, threadId: string, subject: string): void;
}

export type OpResult = { readonly ok: true; readonly location?: string } | { readonly ok: false; readonly status: number; readonly subcode?: string; readonly message?: string };

export interface StartOptions {
  readonly to: string;
  readonly subject: string;
  readonly operationId: string | undefined;
  readonly threadId: string | undefined;
  readonly firstMessage: { readonly text: string; readonly mime: string } | undefined;
}

export class MessagingService {
  readonly sessions = new SessionRegistry();
  private readonly delivery: MessageDelivery;
  private readonly conferences: Conferences;

  constructor(private readonly ctx: MessagingContext) {
    this.delivery = new MessageDelivery(ctx);
    this.conferences = new Conferences({ deriveOnEscalation: ctx.deriveOnEscalation, newView: (app, sessionId, state, subject, threadId) => this.newView(app, sessionId, state, subject, threadId) });
  }

  startMessaging(app: SimApplication, options: StartOptions): OpResult {
    const session = this.sessions.create();
    const conv = this.newView(app, session.id, 'Connecting', options.subject, options.threadId ?? newId(12));
    session.members.push({ kind: 'app', conv });
    const inv = outgoingInvitation(conv, options);
    app.emit('communication', ev.invitationEvent(conv, inv, 'started'));
    app.emit('communication', ev.conversationEvent(conv, 'added'));
    this.emitConv(conv, ev.localParticipantEvent(conv));
    this.emitConv(conv, ev.messagingEvent(conv));
    queueMicrotask(() => this.invite(session, conv, options.to, options.firstMessage));
    return { ok: true, location: `${app.communicationHref}/messagingInvitations/${inv.id}` };
  }

  /** addMessaging: the same conversation, a new invitation to everyone who was in it (§6.7). */
  addMessaging(conv: ConversationView, operationId: string | undefined, firstMessage: StartOptions['firstMessage']): OpResult {
    if (conv.messagingState !== 'Disconnected') return { ok: false, status: 409, subcode: 'AlreadyExists', message: 'Messaging is already active.' };
    const current = this.sessions.get(conv.sessionId);
    if (current?.conference === true && current.members.some((m) => m.kind === 'app' && m.conv === conv)) return this.conferences.addMessaging(current, conv, operationId);
    const to = conv.remotes[0]?.uri;
    if (to === undefined) return { ok: false, status: 409, message: 'Nobody to re-invite.' };
    const session = this.sessions.create();
    conv.sessionId = session.id;
    conv.remotes = [];
    conv.messagingState = 'Connecting';
    session.members.push({ kind: 'app', conv });
    const inv = outgoingInvitation(conv, { to, subject: conv.subject, operationId, threadId: conv.threadId, firstMessage });
    conv.app.emit('communication', ev.invitationEvent(conv, inv, 'started'));
    this.emitConv(conv, ev.messagingEvent(conv));
    queueMicrotask(() => this.invite(session, conv, to, firstMessage));
    return { ok: true, location: `${conv.app.communicationHref}/messagingInvitations/${inv.id}` };
  }

  /** Adds someone to a connected conversation, which becomes a conference (§6.8). */
  addParticipant(conv: ConversationView, to: string, operationId: string | undefined): OpResult {
    const session = this.sessions.get(conv.sessionId);
    if (session === undefined || (conv.state !== 'Connected' && conv.state !== 'Conferenced')) return { ok: false, status: 409, subcode: 'InvalidState', message: 'Only a connected conversation can add participants.' };
    const invitee = to.toLowerCase();
    if (session.members.some((m) => memberUri(m) === invitee)) return { ok: false, status: 409, subcode: 'AlreadyExists', message: 'Already in the conversation.' };
    this.conferences.escalate(session);
    const inv = startParticipantInvitation(conv.derivedInto ?? conv, to, operationId);
    queueMicrotask(() => this.invite(session, conv, to, undefined));
    return { ok: true, location: hrefs.participantInvitation(conv.app, inv.id) };
  }

  /** Scripted parties start conversations too (control API: inject a message). */
  startFromScripted(party: ScriptedPartyConfig, toUri: string, text: string, html: string | undefined): boolean {
    const existing = this.sessions.findWith(party.uri, toUri);
    if (existing !== undefined && existing.pending.size === 0) {
      this.delivery.deliver(existing, { kind: 'scripted', party }, text, html, undefined);
      return true;
    }
    if (this.ctx.availableApps(toUri).length === 0) {
      if (this.ctx.missed === undefined || this.ctx.directory.findUser(toUri) === undefined) return false;
      this.ctx.missed(toUri.toLowerCase(), { uri: party.uri, name: party.name }, html === undefined ? text : ev.htmlToText(html), newId(12), '');
      return true;
    }
    const session = this.sessions.create();
    session.members.push({ kind: 'scripted', party });
    this.invite(session, undefined, toUri, { text: html ?? text, mime: html === undefined ? 'text/plain' : 'text/html' }, { uri: party.uri, name: party.name });
    return true;
  }

  /** Scripted parties hold a group chat and invite a user into it (control API): an onlineMeetingInvitation (§6.5). */
  groupFromScripted(parties: readonly ScriptedPartyConfig[], toUri: string, subject: string): boolean {
    const [host] = parties;
    if (host === undefined || this.ctx.availableApps(toUri).length === 0) return false;
    const session = this.sessions.create();
    session.conference = true;
    for (const party of parties) session.members.push({ kind: 'scripted', party });
    this.invite(session, undefined, toUri, undefined, { uri: host.uri, name: host.name }, { subject, threadId: newId(12) });
    return true;
  }

  /** A scripted party joins a user's group chat (the latest conference the user is in). */
  joinFromScripted(party: ScriptedPartyConfig, userUri: string): boolean {
    const key = userUri.toLowerCase();
    const session = [...this.sessions.all()].reverse().find((s) => s.conference && s.members.some((m) => memberUri(m) === key) && !s.members.some((m) => memberUri(m) === party.uri.toLowerCase()));
    if (session === undefined) return false;
    this.join(session, { kind: 'scripted', party });
    return true;
  }

  accept(app: SimApplication, invitationId: string): OpResult {
    const conv = this.findByInvitation(app, invitationId);
    if (conv?.invitation === undefined) return { ok: false, status: 404, subcode: 'ResourceNotFound' };
    const inv = conv.invitation;
    if (inv.direction !== 'Incoming' || inv.state !== 'Connecting') return { ok: false, status: 409, message: 'The invitation is no longer pending.' };
    const session = this.sessions.get(conv.sessionId);
    const pending = session?.pending.get(app.user.uri.toLowerCase());
    if (session === undefined || pending === undefined) return { ok: false, status: 409, message: 'The invitation is no longer pending.' };
    session.pending.delete(app.user.uri.toLowerCase());
    for (const other of pending.views) if (other !== conv) endInvitation(other, 'Failure', 'ConnectedElsewhere', 'Answered on another device.');
    if (inv.timer !== undefined) clearTimeout(inv.timer);
    if (inv.kind === 'onlineMeeting') queueMicrotask(() => this.conferences.joinMeeting(session, conv));
    else queueMicrotask(() => this.join(session, { kind: 'app', conv }));
    return { ok: true };
  }

  decline(app: SimApplication, invitationId: string): OpResult {
    const conv = this.findByInvitation(app, invitationId);
    if (conv?.invitation === undefined || conv.invitation.state !== 'Connecting') return { ok: false, status: 404, subcode: 'ResourceNotFound' };
    const session = this.sessions.get(conv.sessionId);
    const invitee = app.user.uri.toLowerCase();
    const pending = session?.pending.get(invitee);
    if (session !== undefined && pending !== undefined) {
      session.pending.delete(invitee);
      for (const view of pending.views) endInvitation(view, 'Failure', 'Declined', 'The invitation was declined.', 'Declined');
      failInviter(session, invitee, 'Declined', `${app.user.name} declined the conversation.`);
    }
    return { ok: true };
  }

  cancel(app: SimApplication, invitationId: string): OpResult {
    const conv = this.findByInvitation(app, invitationId);
    if (conv?.invitation === undefined || conv.invitation.direction !== 'Outgoing' || conv.invitation.state !== 'Connecting') {
      return { ok: false, status: 409, message: 'Only a connecting outgoing invitation can be cancelled.' };
    }
    const session = this.sessions.get(conv.sessionId);
    if (session !== undefined) expirePending(session, 'Cancelled', 'The invitation was cancelled.');
    endInvitation(conv, 'Failure', 'Cancelled', 'Cancelled.', 'Cancelled');
    return { ok: true };
  }

  sendMessage(conv: ConversationView, body: string, mime: string, operationId: string | undefined): OpResult {
    const session = this.sessions.get(conv.sessionId);
    if (conv.messagingState !== 'Connected' || session === undefined) {
      return { ok: false, status: 409, subcode: 'InvalidState', message: 'Messaging is not connected.' };
    }
    const n = conv.nextMessage++;
    conv.messagesInProgress.set(n, { operationId, time: Date.now() });
    this.emitConv(conv, ev.outgoingMessageEvent(conv, n, operationId, 'started'));
    this.delivery.stopTyping(session, conv.app.user.uri);
    const html = mime === 'text/html' ? body : undefined;
    const text = html === undefined ? body : ev.htmlToText(body);
    this.delivery.deliver(session, { kind: 'app', conv }, text, html, { n, operationId });
    return { ok: true, location: `${conv.app.communicationHref}/conversations/${conv.id}/messaging/messages/${n}` };
  }

  setTyping(conv: ConversationView): OpResult {
    const session = this.sessions.get(conv.sessionId);
    if (conv.messagingState !== 'Connected' || session === undefined) return { ok: false, status: 409, message: 'Messaging is not connected.' };
    this.delivery.typing(session, { uri: conv.app.user.uri, name: conv.app.user.name });
    return { ok: true };
  }

  /** stopMessaging (`deleteConversation` false) or DELETE conversation (true). */
  leave(conv: ConversationView, deleteConversation: boolean): void {
    const session = this.sessions.get(conv.sessionId);
    const me = { uri: conv.app.user.uri, name: conv.app.user.name };
    if (conv.invitation?.state === 'Connecting') endInvitation(conv, 'Failure', 'Cancelled', 'Cancelled.', 'Cancelled');
    conv.messagingState = 'Disconnected';
    conv.state = 'Disconnected';
    this.emitConv(conv, ev.participantMessagingEvent(conv, me, 'deleted'));
    this.emitConv(conv, ev.messagingEvent(conv));
    if (deleteConversation) {
      conv.app.emit('communication', ev.conversationEvent(conv, 'deleted'));
      conv.app.conversations.delete(conv.id);
    } else {
      conv.app.emit('communication', ev.conversationEvent(conv, 'updated'));
    }
    if (session !== undefined) this.removeMember(session, conv.app.user.uri, conv);
  }

  /** A scripted party closes its window. */
  hangUpScripted(partyUri: string, userUri: string): boolean {
    const session = this.sessions.findWith(partyUri, userUri);
    if (session === undefined) return false;
    this.removeMember(session, partyUri, undefined);
    return true;
  }

  /** The application died or resumed after a long silence: its conversations are gone (§3.3, §5.6). */
  dropApplication(app: SimApplication, notifySelf: boolean): void {
    for (const conv of [...app.conversations.values()]) {
      if (notifySelf) this.leave(conv, true);
      else {
        const session = this.sessions.get(conv.sessionId);
        if (session !== undefined) this.removeMember(session, app.user.uri, conv);
      }
    }
    app.conversations.clear();
  }

  // --- internals -------------------------------------------------------------------------------

  private invite(session: ImSession, inviter: ConversationView | undefined, to: string, first: StartOptions['firstMessage'], fromScripted?: PartyRef, thread?: { readonly subject: string; readonly threadId: string }): void {
    const invitee = to.toLowerCase();
    const party = this.ctx.directory.findScripted(invitee);
    if (party !== undefined) {
      const timer = setTimeout(() => this.join(session, { kind: 'scripted', party }, first), this.ctx.timings.botDelayMs);
      timer.unref();
      return;
    }
    const from = fromScripted ?? (inviter === undefined ? undefined : { uri: inviter.app.user.uri, name: inviter.app.user.name });
    const subject = thread?.subject ?? inviter?.subject ?? '';
    const threadId = thread?.threadId ?? inviter?.threadId ?? newId(12);
    const firstText = first === undefined ? undefined : first.mime === 'text/html' ? ev.htmlToText(first.text) : first.text;
    const apps = this.ctx.directory.findUser(invitee) === undefined ? [] : this.ctx.availableApps(invitee);
    if (apps.length === 0) {
      const known = this.ctx.directory.findUser(invitee) !== undefined;
      if (known && from !== undefined) this.ctx.missed?.(invitee, from, firstText, threadId, subject);
      failInviter(session, invitee, known ? 'TemporarilyUnavailable' : 'DestinationNotFound', known ? 'The person is not available.' : 'The address was not found.');
      return;
    }
    if (from === undefined) return;
    // Into a conference: an onlineMeetingInvitation, and no first message (§6.5, §10.23).
    const kind = session.conference ? 'onlineMeeting' : 'messaging';
    const views: ConversationView[] = [];
    for (const app of apps) {
      const conv = this.newView(app, session.id, 'Incoming', subject, threadId);
      conv.remotes.push(from);
      const inv: InvitationView = { id: newId(), kind, direction: 'Incoming', state: 'Connecting', operationId: undefined, to: app.user.uri, from, subject, threadId, firstMessage: kind === 'messaging' ? first : undefined };
      conv.invitation = inv;
      views.push(conv);
      // An incoming invitation is the real-time event that releases the P-GET at once (§5.4).
      app.emit('communication', ev.invitationEvent(conv, inv, 'started'), { priority: 'realtime' });
      app.emit('communication', ev.conversationEvent(conv, 'added'));
      this.emitConv(conv, ev.localParticipantEvent(conv));
      this.emitConv(conv, ev.participantEvent(conv, from, 'added'));
    }
    session.pending.set(invitee, { invitee, views });
    const timer = setTimeout(() => {
      if (!session.pending.has(invitee)) return;
      session.pending.delete(invitee);
      for (const view of views) endInvitation(view, 'Failure', 'Timeout', 'Nobody answered the invitation.');
      this.ctx.missed?.(invitee, from, firstText, threadId, subject);
      failInviter(session, invitee, 'Timeout', 'Nobody answered the invitation.');
    }, this.ctx.timings.invitationTimeoutMs);
    timer.unref();
    for (const view of views) if (view.invitation !== undefined) view.invitation.timer = timer;
  }

  private join(session: ImSession, joiner: Member, first?: StartOptions['firstMessage']): void {
    const joinerRef = memberRef(joiner);
    const everyone = [...session.members, joiner].flatMap((m) => (m.kind === 'app' ? [m.conv] : []));
    const agreed = everyone.every((c) => c.app.formats.includes('Html')) ? ['Plain', 'Html'] : ['Plain'];
    for (const conv of everyone) conv.negotiated = agreed;
    for (const member of session.members) {
      // Someone in the meeting without IM sees the newcomer join the meeting only (§6.5).
      if (member.kind === 'app' && session.conference && member.conv.messagingState !== 'Connected') {
        member.conv.remotes.push(joinerRef);
        this.emitConv(member.conv, ev.participantEvent(member.conv, joinerRef, 'added'));
        continue;
      }
      if (member.kind !== 'app') continue;
      const conv = member.conv;
      conv.remotes.push(joinerRef);
      conv.state = session.conference ? 'Conferenced' : 'Connected';
      conv.messagingState = 'Connected';
      this.emitConv(conv, ev.conversationEvent(conv, 'updated'));
      this.emitConv(conv, ev.participantEvent(conv, joinerRef, 'added'));
      this.emitConv(conv, ev.participantMessagingEvent(conv, joinerRef, 'added'));
      this.emitConv(conv, ev.messagingEvent(conv));
      if (conv.invitation?.state === 'Connecting') endInvitation(conv, 'Success', undefined, undefined, 'Connected', joinerRef);
      participantJoined(conv, joinerRef);
    }
    // Someone added to a conference hears only what is said from now on.
    const inviterFirst = first ?? (session.conference ? undefined : this.firstMessageOf(session));
    session.members.push(joiner);

    if (joiner.kind === 'app') {
      const conv = joiner.conv;
      conv.state = 'Connected';
      conv.messagingState = 'Connected';
      conv.app.emit('communication', ev.conversationEvent(conv, 'updated'));
      this.emitConv(conv, ev.messagingEvent(conv));
      this.emitConv(conv, ev.participantMessagingEvent(conv, { uri: conv.app.user.uri, name: conv.app.user.name }, 'added'));
      if (conv.invitation !== undefined) endInvitation(conv, 'Success', undefined, undefined, 'Connected', { uri: conv.app.user.uri, name: conv.app.user.name });
      // The first message arrives again as an ordinary message event after accept (§10.12).
      const firstMessage = conv.invitation?.firstMessage;
      const inviter = session.members.find((m) => m !== joiner);
      if (firstMessage !== undefined && inviter !== undefined) {
        const html = firstMessage.mime === 'text/html' ? firstMessage.text : undefined;
        this.delivery.deliver({ ...session, members: [inviter, joiner] }, inviter, html === undefined ? firstMessage.text : ev.htmlToText(html), html, undefined);
      }
    } else if (inviterFirst !== undefined) {
      const inviter = session.members.find((m) => m !== joiner);
      if (inviter !== undefined) this.delivery.toScripted(session, joiner.party, memberRef(inviter), inviterFirst.mime === 'text/html' ? ev.htmlToText(inviterFirst.text) : inviterFirst.text);
    }
  }

  private firstMessageOf(session: ImSession): StartOptions['firstMessage'] {
    for (const member of session.members) if (member.kind === 'app' && member.conv.invitation?.direction === 'Outgoing') return member.conv.invitation.firstMessage;
    return undefined;
  }

  private removeMember(session: ImSession, uri: string, conv: ConversationView | undefined): void {
    const key = uri.toLowerCase();
    const index = session.members.findIndex((m) => memberUri(m) === key && (conv === undefined || (m.kind === 'app' && m.conv === conv)));
    if (index < 0) return;
    const [left] = session.members.splice(index, 1);
    if (left === undefined) return;
    const leftRef = memberRef(left);
    for (const member of session.members) {
      if (member.kind !== 'app') continue;
      const other = member.conv;
      other.remotes = other.remotes.filter((r) => r.uri.toLowerCase() !== key);
      this.emitConv(other, ev.participantMessagingEvent(other, leftRef, 'deleted'));
      this.emitConv(other, ev.participantEvent(other, leftRef, 'deleted'));
      if (other.remotes.length === 0) {
        other.remotes = [leftRef];
        other.messagingState = 'Disconnected';
        other.state = 'Disconnected';
        this.emitConv(other, ev.messagingEvent(other));
        other.app.emit('communication', ev.conversationEvent(other, 'updated'));
      }
    }
    if (session.members.every((m) => m.kind === 'scripted') || session.members.length < 2) this.sessions.remove(session.id);
  }

  private newView(app: SimApplication, sessionId: string, state: ConversationView['state'], subject: string, threadId: string): ConversationView {
    const conv: ConversationView = { id: newId(), app, sessionId, state, messagingState: state === 'Incoming' ? 'Disconnected' : 'Connecting', subject, threadId, remotes: [], invitation: undefined, nextMessage: 1, negotiated: ['Plain'], typing: new Map(), participantInvitations: new Map(), messagesInProgress: new Map() };
    app.conversations.set(conv.id, conv);
    return conv;
  }

  private findByInvitation(app: SimApplication, id: string): ConversationView | undefined {
    for (const conv of app.conversations.values()) if (conv.invitation?.id === id) return conv;
    return undefined;
  }

  private emitConv(conv: ConversationView, body: Parameters<SimApplication['emit']>[1]): void {
    conv.app.emit(conversationSender(conv), body);
  }
}
