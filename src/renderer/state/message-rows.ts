// Turns a conversation's messages into the rows the chat shows: a day separator where the date
// changes, and a sender header where a new group starts (another sender, or a pause of 5 minutes).
import type { ChatMessage } from '../../shared/domain';

export const GROUP_GAP_MS = 5 * 60_000;

export type MessageRow =
  | { readonly kind: 'day'; readonly key: string; readonly time: number }
  | { readonly kind: 'message'; readonly key: string; readonly message: ChatMessage; readonly startsGroup: boolean };

function dayKey(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

export function messageRows(messages: readonly ChatMessage[]): MessageRow[] {
  const rows: MessageRow[] = [];
  let previous: ChatMessage | undefined;
  for (const message of messages) {
    const day = dayKey(message.time);
    const newDay = previous === undefined || dayKey(previous.time) !== day;
    if (newDay) rows.push({ kind: 'day', key: `day-${day}`, time: message.time });
    const startsGroup = newDay || previous === undefined || previous.from.uri.toLowerCase() !== message.from.uri.toLowerCase() || message.time - previous.time > GROUP_GAP_MS;
    rows.push({ kind: 'message', key: message.id, message, startsGroup });
    previous = message;
  }
  return rows;
}
