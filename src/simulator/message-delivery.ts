// Messages and typing between the members of an IM session (protocol §6.3, §6.4, §6.6): each
// recipient application gets the message event under the collection fuse; the sender learns
// Success or Failure once every recipient collected it or the fuse burnt.
import type { ScriptedPartyConfig } from './directory';
import type { ConversationView, PartyRef } from './conversation-view';
import { conversationSender } from './conversation-view';
import type { ImSession, Member } from './im-session';
import { memberRef, memberUri } from './im-session';
import * as ev from './messaging-events';
import type { MessagingContext } from './messaging-service';
import { ScriptedParties } from './scripted-parties';

export class MessageDelivery {
  private readonly scripted: ScriptedParties;

  constructor(private readonly ctx: MessagingContext) {
    this.scripted = new ScriptedParties(this, ctx.timings.botDelayMs);
  }

  /** A scripted party (the echo bot) hears a message. */
  toScripted(session: ImSession, party: ScriptedPartyConfig, from: PartyRef, text: string): void {
    this.scripted.onMessage(session, party, from, text);
  }

  deliverFromScripted(session: ImSession, party: ScriptedPartyConfig, text: string): void {
    this.deliver(session, { kind: 'scripted', party }, text, undefined, undefined);
  }

  typing(session: ImSession, who: PartyRef): void {
    for (const member of session.members) {
      if (member.kind !== 'app' || memberUri(member) === who.uri.toLowerCase()) continue;
      const conv = member.conv;
      const key = who.uri.toLowerCase();
      const existing = conv.typing.get(key);
      if (existing === undefined) this.emitConv(conv, ev.typingEvent(conv, who, 'added'));
      else clearTimeout(existing);
      const timer = setTimeout(() => {
        conv.typing.delete(key);
        this.emitConv(conv, ev.typingEvent(conv, who, 'deleted'));
      }, this.ctx.timings.typingMs);
      timer.unref();
      conv.typing.set(key, timer);
    }
  }

  stopTyping(session: ImSession, uri: string): void {
    const key = uri.toLowerCase();
    for (const member of session.members) {
      if (member.kind !== 'app') continue;
      const timer = member.conv.typing.get(key);
      if (timer === undefined) continue;
      clearTimeout(timer);
      member.conv.typing.delete(key);
      this.emitConv(member.conv, ev.typingEvent(member.conv, { uri, name: this.ctx.directory.displayName(uri) }, 'deleted'));
    }
  }

  deliver(session: ImSession, from: Member, text: string, html: string | undefined, outgoing: { n: number; operationId: string | undefined } | undefined): void {
    const fromRef = memberRef(from);
    // In a conference, someone who joined the meeting but has not added IM yet gets no messages (§6.5).
    const recipients = session.members.filter((m) => memberUri(m) !== fromRef.uri.toLowerCase() && (m.kind === 'scripted' || m.conv.messagingState === 'Connected'));
    let waiting = recipients.length;
    const failed: PartyRef[] = [];
    const settle = (): void => {
      if (waiting > 0) return;
      if (outgoing !== undefined && from.kind === 'app') {
        from.conv.messagesInProgress.delete(outgoing.n);
        const failure = failed.length > 0 ? { subcode: 'Timeout', message: 'The message was not delivered.', failed } : undefined;
        this.emitConv(from.conv, ev.outgoingMessageEvent(from.conv, outgoing.n, outgoing.operationId, 'completed', failure));
      }
    };
    for (const member of recipients) {
      if (member.kind === 'scripted') {
        waiting--;
        this.ctx.stats.delivered++;
        this.scripted.onMessage(session, member.party, fromRef, text);
        continue;
      }
      const conv = member.conv;
      const message = { n: conv.nextMessage++, from: fromRef, text, html, time: Date.now() };
      conv.app.emit(conversationSender(conv), ev.incomingMessageEvent(conv, message), {
        deadlineMs: this.ctx.timings.collectMs,
        onCollected: () => {
          this.ctx.stats.delivered++;
          waiting--;
          settle();
        },
        onExpired: () => {
          this.ctx.stats.lostIncoming++;
          failed.push({ uri: conv.app.user.uri, name: conv.app.user.name });
          waiting--;
          settle();
        },
      });
    }
    settle();
  }

  private emitConv(conv: ConversationView, body: ev.EventBody): void {
    conv.app.emit(conversationSender(conv), body);
  }
}
