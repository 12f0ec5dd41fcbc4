// A chat window: who is in it (presence, typing), the messages, and the composer.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Avatar } from '../components/avatar';
import { ConnectionBanner } from '../components/connection-banner';
import { InvitationBar } from '../components/invitation-bar';
import { VirtualList } from '../components/virtual-list';
import { pageLocale, t } from '../i18n';
import { say } from '../state/errors';
import { connection, contacts } from '../state/app-state';
import type { ChatModel } from '../state/chat-model';
import { messageRows } from '../state/message-rows';
import type { MessageRow } from '../state/message-rows';
import { availabilityLabel } from '../state/presence-labels';
import { Composer } from './composer';
import { MessageRowView } from './message-row';
import { HeaderActions } from './header-actions';
import { LazyDialog } from '../components/lazy-dialog';
import { ParticipantPanel, useContactCard } from './participant-panel';
import { SystemLine } from './system-line';

const estimate = (row: MessageRow): number => (row.kind !== 'message' ? 36 : row.startsGroup ? 62 : 40);
const keyOf = (row: MessageRow): string => row.key;
const isMessage = (row: MessageRow): boolean => row.kind === 'message';

function ChatHeader({ model, actions }: { readonly model: ChatModel; readonly actions?: ComponentChildren }) {
  const summary = model.summary.value;
  const people = model.participants.value.length > 0 ? model.participants.value : (summary?.participants ?? []);
  const first = people[0];
  const contact = first === undefined ? undefined : contacts.value.get(first.uri.toLowerCase());
  const title = summary?.title ?? first?.name ?? t('common.conversation');
  const typing = summary?.typing ?? [];
  return (
    <header class="chat-header">
      <Avatar name={title} photo={contact?.photo} availability={contact?.presence.availability} />
      <div class="chat-title">
        <h1>{title}</h1>
        <div class="chat-sub" aria-live="polite">
          {typing.length > 0 ? t('chat.typing', { count: typing.length, names: typing.join(', ') }) : contact === undefined ? (people.length > 1 ? people.map((p) => p.name).join(', ') : '') : (contact.presence.note !== undefined && contact.presence.note !== '' ? t('chat.presenceWithNote', { availability: availabilityLabel(contact.presence.availability), note: contact.presence.note }) : availabilityLabel(contact.presence.availability))}
        </div>
      </div>
      {actions}
    </header>
  );
}

/** The disk refused some messages: they are kept and retried, and the user knows it until they are saved. */
function UnsavedHistoryLine({ model }: { readonly model: ChatModel }) {
  const unsaved = model.summary.value?.unsavedHistory;
  if (unsaved === undefined) return null;
  return (
    <div class="banner banner-error" role="status" data-testid="unsaved-history">
      {t('chat.unsavedHistory', { reason: unsaved.reason, count: unsaved.count })}
    </div>
  );
}

export function ChatApp({ model }: { readonly model: ChatModel }) {
  const messages = model.messages.value;
  const firstUnreadId = model.firstUnreadId.value;
  const notes = model.notes.value;
  // Once its words are in (state/errors.ts).
  const error = say(model.error.value);
  const rows = useMemo(() => messageRows(messages, firstUnreadId, notes), [messages, firstUnreadId, notes]);
  const unread = model.summary.value?.unread ?? 0;
  const title = model.summary.value?.title ?? model.participants.value[0]?.name;
  const card = useContactCard(model.bridge);
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState(false);
  // The window's title (taskbar, window switcher) names the conversation and counts what is unread.
  useEffect(() => {
    document.title = title === undefined ? t('common.pageTitle', { page: 'chat' }) : unread > 0 ? t('chat.windowTitleUnread', { count: unread, title }) : title;
  }, [title, unread, pageLocale()]);

  useEffect(() => {
    model.rememberUnread();
    const read = (): void => {
      if (document.visibilityState === 'visible' && document.hasFocus()) model.markRead();
    };
    read();
    window.addEventListener('focus', read);
    document.addEventListener('visibilitychange', read);
    return () => {
      window.removeEventListener('focus', read);
      document.removeEventListener('visibilitychange', read);
    };
  }, [model, unread]);

  return (
    <div class="chat">
      <ChatHeader model={model} actions={<HeaderActions model={model} onCard={card.open} onAdd={() => setAdding(true)} onLeave={() => setLeaving(true)} />} />
      <ParticipantPanel model={model} onCard={card.open} />
      {card.dialog}
      {adding ? <LazyDialog onClose={() => setAdding(false)} render={({ AddPeopleDialog }, kit) => <AddPeopleDialog model={model} onClose={() => setAdding(false)} kit={kit} />} /> : null}
      {leaving ? <LazyDialog onClose={() => setLeaving(false)} render={({ LeaveDialog }, kit) => <LeaveDialog model={model} onClose={() => setLeaving(false)} kit={kit} />} /> : null}
      <ConnectionBanner />
      {error === undefined ? null : (
        <div class="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {model.summary.value?.invitation === undefined ? null : <InvitationBar bridge={model.bridge} summary={model.summary.value} openOnAccept={false} />}
      <UnsavedHistoryLine model={model} />
      {model.damaged.value > 0 ? (
        <div class="banner" role="status">
          {t('chat.damagedHistory', { count: model.damaged.value })}
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p class="empty chat-empty">{model.hasOlder.value ? t('common.loading') : t('chat.empty')}</p>
      ) : (
        <VirtualList items={rows} keyOf={keyOf} estimate={estimate} anchorable={isMessage} followBottom role="log" label={t('chat.messagesLabel')} onNearTop={() => void model.loadOlder()} render={(row) => (row.kind === 'message' && row.message.system !== undefined ? <SystemLine message={row.message} /> : <MessageRowView row={row} onRetry={(id) => void model.retry(id)} />)} />
      )}
      <Composer model={model} offline={connection.value.state !== 'connected'} />
    </div>
  );
}
