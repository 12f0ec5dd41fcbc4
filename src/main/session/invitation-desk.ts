// Incoming chats. By default every invitation is accepted at once (a tray messenger takes every
// IM). With "Accept incoming chats automatically" off, an invitation waits — shown in the popup,
// the chat and a notification with Accept / Decline — until the user answers or the server gives
// up on it. Its first line is never lost: declined or missed, it is kept as a received message.
import type { ChatMessage } from '../../shared/domain';
import { IpcFailure } from '../../shared/ipc-failure';
import type { UcwaClient, UcwaEvent } from '../ucwa/index';
import type { Thread } from './conversation-store';
import type { NotifyPort } from './ports';
import { errorDetail } from '../../shared/error-detail';

export interface InvitationHost {
  readonly notify: NotifyPort;
  autoAccept(): boolean;
  client(): UcwaClient;
  pushThread(thread: Thread): void;
  /** Keeps a received message in the thread and history and shows it; `unread` when nobody saw it. */
  keep(thread: Thread, message: ChatMessage, unread: boolean): void;
  now(): number;
}

type IncomingInvitation = Extract<UcwaEvent, { type: 'incomingInvitation' }>;

export class InvitationDesk {
  constructor(private readonly host: InvitationHost) {}

  /** A new invitation for this thread (already marked incoming): take it, or wait for the user. */
  incoming(thread: Thread, event: IncomingInvitation, client: UcwaClient): void {
    if (this.host.autoAccept()) {
      thread.invitation = undefined;
      void client.acceptInvitation(event.invitationId).catch(() => undefined);
      return;
    }
    thread.invitation = { id: event.invitationId, from: event.from, ...(event.firstMessage === undefined ? {} : { firstMessage: event.firstMessage }) };
    this.host.pushThread(thread);
    this.host.notify.incomingInvitation?.(thread.id, event.from.name || thread.remote.name, event.firstMessage?.text);
  }

  async accept(thread: Thread): Promise<void> {
    const invitation = this.waiting(thread);
    try {
      await this.host.client().acceptInvitation(invitation.id);
    } catch (error) {
      // Gone meanwhile (timed out, cancelled): say so rather than leave the buttons up.
      this.over(thread, false);
      throw error;
    }
    // The conversation connects through invitationCompleted; the first line arrives as a message.
    thread.invitation = undefined;
    this.host.pushThread(thread);
    this.host.notify.invitationEnded?.(thread.id);
  }

  async decline(thread: Thread): Promise<void> {
    const invitation = this.waiting(thread);
    // Answered: the buttons go at once, and the server's news of the ending finds nothing to end.
    this.over(thread, false);
    await this.host.client().declineInvitation(invitation.id);
  }

  /** The server ended a waiting invitation (nobody answered in time, the caller gave up); true when one was waiting. */
  failed(thread: Thread): boolean {
    if (thread.invitation === undefined) return false;
    this.over(thread, true);
    return true;
  }

  private waiting(thread: Thread): NonNullable<Thread['invitation']> {
    if (thread.invitation === undefined) throw new IpcFailure('not-found', errorDetail('noInvitationWaiting', {}));
    return thread.invitation;
  }

  /** The invitation is over without a conversation: its first line is kept, unread when missed. */
  private over(thread: Thread, missed: boolean): void {
    const invitation = thread.invitation;
    if (invitation === undefined) return;
    const ucwaId = thread.ucwaId;
    thread.invitation = undefined;
    thread.ucwaId = undefined;
    thread.state = 'idle';
    if (invitation.firstMessage !== undefined) {
      const first = invitation.firstMessage;
      this.host.keep(thread, { id: `in:${ucwaId ?? invitation.id}#invitation`, conversationId: thread.id, direction: 'in', from: invitation.from, text: first.text, ...(first.html === undefined ? {} : { html: first.html }), time: this.host.now(), delivery: 'delivered' }, missed);
    }
    this.host.pushThread(thread);
    this.host.notify.invitationEnded?.(thread.id);
  }
}
