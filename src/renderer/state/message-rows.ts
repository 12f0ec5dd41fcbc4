// Turns a conversation's messages into the rows the chat shows: a day separator where the date
// changes, a sender header where a new group starts (another sender, or a pause of 5 minutes),
// and a "New messages" line above the first message that was unread.
import type { ChatMessage } from '../../shared/domain';

export const GROUP_GAP_MS = 5 * 60_000;

export type MessageRow =
  | { readonly kind: 'day'; readonly key: string; readonly time: number }
  | { readonly kind: 'unread'; readonly key: string }
  | { readonly kind: 'message'; readonly key: string; readonly message: ChatMessage; readonly startsGroup: boolean };

function dayKey(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** `firstUnreadId`: a "New messages" line goes right above that message. */
export function messageRows(messages: readonly ChatMessage[], firstUnreadId?: string): MessageRow[] {
  const rows: MessageRow[] = [];
  let previous: ChatMessage | undefined;
  for (const message of messages) {
    const day = dayKey(message.time);
    const newDay = previous === undefined || dayKey(previous.time) !== day;
    if (newDay) rows.push({ kind: 'day', key: `day-${day}`, time: message.time });
    const unreadLine = message.id === firstUnreadId;
    if (unreadLine) rows.push({ kind: 'unread', key: 'unread-line' });
    const startsGroup = newDay || unreadLine || previous === undefined || previous.from.uri.toLowerCase() !== message.from.uri.toLowerCase() || message.time - previous.time > GROUP_GAP_MS;
    rows.push({ kind: 'message', key: message.id, message, startsGroup });
    previous = message;
  }
  return rows;
}
