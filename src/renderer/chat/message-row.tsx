// One row of the chat: a day separator, or a message (with its sender's name where a group starts).
import type { ChatMessage } from '../../shared/domain';
import { MessageBody } from '../components/message-body';
import type { MessageRow } from '../state/message-rows';

const time = (t: number): string => new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

function dayLabel(t: number): string {
  const day = new Date(t);
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (day.toDateString() === today.toDateString()) return 'Today';
  if (day.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return day.toLocaleDateString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
}

function DeliveryStatus({ message, onRetry }: { readonly message: ChatMessage; readonly onRetry: (id: string) => void }) {
  if (message.direction !== 'out') return null;
  if (message.delivery === 'failed') {
    return (
      <span class="delivery delivery-failed" role="alert">
        Not delivered{message.failureReason === undefined ? '' : `: ${message.failureReason}`}{' '}
        <button type="button" class="link-button" onClick={() => onRetry(message.id)}>
          Retry
        </button>
      </span>
    );
  }
  const label = message.delivery === 'sending' ? 'Sending…' : 'Delivered';
  return <span class={`delivery delivery-${message.delivery}`}>{message.deliveryNote === undefined ? label : `${label} — ${message.deliveryNote}`}</span>;
}

export function MessageRowView({ row, onRetry }: { readonly row: MessageRow; readonly onRetry: (id: string) => void }) {
  if (row.kind === 'unread') {
    return (
      <div class="unread-line" role="separator" aria-label="New messages">
        <span>New messages</span>
      </div>
    );
  }
  if (row.kind === 'status') {
    return (
      <div class="status-line">
        <span>{row.text}</span>
      </div>
    );
  }
  if (row.kind === 'day') {
    return (
      <div class="day-separator" role="separator">
        <span>{dayLabel(row.time)}</span>
      </div>
    );
  }
  const m = row.message;
  return (
    <article class={`message message-${m.direction}${row.startsGroup ? ' group-start' : ''}`} data-message-id={m.id} data-delivery={m.delivery} aria-label={`${m.from.name} at ${time(m.time)}`}>
      {row.startsGroup ? (
        <header class="message-meta">
          <span class="message-sender">{m.direction === 'out' ? 'Me' : m.from.name}</span> <time dateTime={new Date(m.time).toISOString()}>{time(m.time)}</time>
        </header>
      ) : null}
      <div class="bubble">
        <MessageBody message={m} />
      </div>
      <DeliveryStatus message={m} onRetry={onRetry} />
    </article>
  );
}
