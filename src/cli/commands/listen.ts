// `ucwa-tray listen`: accept every invitation and print every incoming message exactly once.
import type { UcwaClient, UcwaEvent } from '../../main/ucwa/index';
import { formatHumanLine, formatJsonLine } from '../message-format';

export interface ListenOutput {
  line(text: string): void;
  note(text: string): void;
}

export function attachListener(client: UcwaClient, json: boolean, out: ListenOutput): () => void {
  const printed = new Set<string>();
  return client.on((event: UcwaEvent) => {
    if (event.type === 'incomingInvitation') {
      out.note(`${event.from.name || event.from.uri} started a conversation${event.subject === '' ? '' : ` about "${event.subject}"`}`);
      client.acceptInvitation(event.invitationId).catch((error: unknown) => out.note(`could not accept the invitation: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    if (event.type === 'messageReceived') {
      if (printed.has(event.messageId)) return;
      printed.add(event.messageId);
      const message = { from: event.from, conversation: event.conversationId, text: event.text, html: event.html, time: event.time };
      out.line(json ? formatJsonLine(message) : formatHumanLine(message));
      return;
    }
    if (event.type === 'participantRemoved') out.note(`${event.participant.name || event.participant.uri} left the conversation`);
    if (event.type === 'connectionChanged' && event.state === 'reconnecting') out.note(`connection lost, retrying: ${event.detail ?? ''}`);
    if (event.type === 'applicationLost') out.note(`the server ended the session: ${event.reason}`);
  });
}
