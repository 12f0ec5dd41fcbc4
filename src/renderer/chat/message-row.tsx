// One row of the chat: a day separator, or a message (with its sender's name where a group starts).
import type { ChatMessage } from '../../shared/domain';
import { MessageBody } from '../components/message-body';
import { formatDate, formatTime, t } from '../i18n';
import { sayDetail } from '../state/errors';
import type { MessageRow } from '../state/message-rows';

function dayLabel(time: number): string {
  const day = new Date(time);
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (day.toDateString() === today.toDateString()) return t('chat.today');
  if (day.toDateString() === yesterday.toDateString()) return t('chat.yesterday');
  return formatDate(day, 'full');
}

function DeliveryStatus({ message, onRetry }: { readonly message: ChatMessage; readonly onRetry: (id: string) => void }) {
  if (message.direction !== 'out') return null;
  if (message.delivery === 'failed') {
    // "Not delivered" until the reason's words are in (state/errors.ts).
    const reason = message.failureReason === undefined ? undefined : sayDetail(message.failureReason);
    return (
      <span class="delivery delivery-failed" role="alert">
        {reason === undefined ? t('chat.notDelivered') : t('chat.notDeliveredReason', { reason })}{' '}
        <button type="button" class="link-button" onClick={() => onRetry(message.id)}>
          {t('chat.retry')}
        </button>
      </span>
    );
  }
  const label = message.delivery === 'sending' ? t('chat.sending') : t('chat.delivered');
  return <span class={`delivery delivery-${message.delivery}`}>{message.deliveryNote === 'reachedAfterAll' && message.delivery === 'delivered' ? t('chat.deliveredAfterAll') : label}</span>;
}

export function MessageRowView({ row, onRetry }: { readonly row: MessageRow; readonly onRetry: (id: string) => void }) {
  if (row.kind === 'unread') {
    return (
      <div class="unread-line" role="separator" aria-label={t('chat.newMessages')}>
        <span>{t('chat.newMessages')}</span>
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
    <article class={`message message-${m.direction}${row.startsGroup ? ' group-start' : ''}`} data-message-id={m.id} data-delivery={m.delivery} aria-label={t('chat.messageFrom', { name: m.from.name, time: formatTime(m.time) })}>
      {row.startsGroup ? (
        <header class="message-meta">
          <span class="message-sender">{m.direction === 'out' ? t('common.me') : m.from.name}</span> <time dateTime={new Date(m.time).toISOString()}>{formatTime(m.time)}</time>
        </header>
      ) : null}
      <div class="bubble">
        <MessageBody message={m} />
      </div>
      <DeliveryStatus message={m} onRetry={onRetry} />
    </article>
  );
}
