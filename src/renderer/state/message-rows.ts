// Turns a conversation's messages into the rows the chat shows: a day separator where the date
// changes, a sender header where a new group starts (another sender, or a pause of 5 minutes),
// a "New messages" line above the first message that was unread, and status lines ("Lena left
// the conversation") where they happened.
import type { ChatMessage } from '../../shared/domain';

export const GROUP_GAP_MS = 5 * 60_000;

export type MessageRow =
  | { readonly kind: 'day'; readonly key: string; readonly time: number }
  | { readonly kind: 'unread'; readonly key: string }
  | { readonly kind: 'status'; readonly key: string; readonly text: string }
  | { readonly kind: 'message'; readonly key: string; readonly message: ChatMessage; readonly startsGroup: boolean };

function dayKey(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** Something that happened in the conversation, shown as a line of its own at its time. */
export interface StatusNote {
  readonly key: string;
  readonly time: number;
  readonly text: string;
}

/** `firstUnreadId`: a "New messages" line goes right above that message. */
export function messageRows(messages: readonly ChatMessage[], firstUnreadId?: string, notes: readonly StatusNote[] = []): MessageRow[] {
  const rows: MessageRow[] = [];
  const pending = [...notes].sort((a, b) => a.time - b.time);
  let previous: ChatMessage | undefined;
  let afterNote = false;
  const notesUntil = (time: number): void => {
    while (pending.length > 0 && (pending[0]?.time ?? 0) < time) {
      const note = pending.shift() as StatusNote;
      rows.push({ kind: 'status', key: note.key, text: note.text });
      afterNote = true;
    }
  };
  for (const message of messages) {
    notesUntil(message.time);
    const day = dayKey(message.time);
    const newDay = previous === undefined || dayKey(previous.time) !== day;
    if (newDay) rows.push({ kind: 'day', key: `day-${day}`, time: message.time });
    const unreadLine = message.id === firstUnreadId;
    if (unreadLine) rows.push({ kind: 'unread', key: 'unread-line' });
    // A group chat's "Carl joined" is a line of its own; the next message starts a new group.
    if (message.system !== undefined) {
      rows.push({ kind: 'message', key: message.id, message, startsGroup: true });
      previous = message;
      afterNote = true;
      continue;
    }
    const startsGroup = newDay || unreadLine || afterNote || previous === undefined || previous.from.uri.toLowerCase() !== message.from.uri.toLowerCase() || message.time - previous.time > GROUP_GAP_MS;
    rows.push({ kind: 'message', key: message.id, message, startsGroup });
    previous = message;
    afterNote = false;
  }
  notesUntil(Number.POSITIVE_INFINITY);
  return rows;
}
