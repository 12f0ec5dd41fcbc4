// The popup's sections (recent conversations, contact groups, search results) as one virtualised
// listbox driven from the search box: arrows move the active row, Enter opens it.
import { useMemo } from 'preact/hooks';
import type { PopupRow, PopupSection } from './popup-items';
import { Avatar } from '../components/avatar';
import { VirtualList } from '../components/virtual-list';
import { contacts } from '../state/app-state';
import { formatDate, t } from '../i18n';
import { availabilityLabel } from '../state/presence-labels';

export const rowId = (key: string): string => `row-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

type ListItem = { readonly kind: 'section'; readonly key: string; readonly section: PopupSection } | { readonly kind: 'row'; readonly key: string; readonly row: PopupRow; readonly section: string };

function RowContent({ row }: { readonly row: PopupRow }) {
  if (row.kind === 'conversation') {
    const c = row.conversation;
    const first = c.participants.length === 1 ? c.participants[0] : undefined;
    const person = first === undefined ? undefined : contacts.value.get(first.uri.toLowerCase());
    return (
      <>
        <Avatar name={c.title} photo={person?.photo} availability={person?.presence.availability} />
        <span class="row-text">
          <span class="row-title">{c.title}</span>
          <span class="row-sub">{c.typing.length > 0 ? t('popup.typing') : (c.lastMessage?.text ?? '')}</span>
        </span>
        {c.unread > 0 ? (
          <span class="unread-badge" aria-label={t('popup.unreadBadge', { count: c.unread })}>
            {c.unread}
          </span>
        ) : null}
      </>
    );
  }
  if (row.kind === 'message') {
    const m = row.message;
    return (
      <>
        <Avatar name={row.conversationTitle} />
        <span class="row-text">
          <span class="row-title">
            {row.conversationTitle} <span class="hint">{formatDate(m.time, 'short')}</span>
          </span>
          <span class="row-sub">
            {t('popup.messageLine', { sender: m.direction === 'out' ? t('common.me') : m.from.name, text: m.text })}
          </span>
        </span>
      </>
    );
  }
  const p = row.contact;
  return (
    <>
      <Avatar name={p.name} photo={p.photo} availability={p.presence.availability} />
      <span class="row-text">
        <span class="row-title">{p.name}</span>
        <span class="row-sub">{p.presence.note !== undefined && p.presence.note !== '' ? p.presence.note : (p.title ?? availabilityLabel(p.presence.availability))}</span>
      </span>
    </>
  );
}

export interface PopupListProps {
  readonly sections: readonly PopupSection[];
  readonly activeKey: string | undefined;
  readonly onOpen: (row: PopupRow) => void;
  readonly onHover: (key: string) => void;
  readonly emptyText: string;
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

const estimate = (item: ListItem): number => (item.kind === 'section' ? 30 : 48);
const keyOf = (item: ListItem): string => item.key;

export function PopupList({ sections, activeKey, onOpen, onHover, emptyText, onKeyDown }: PopupListProps) {
  const items = useMemo(
    () => sections.flatMap((section): ListItem[] => (section.rows.length === 0 && section.id !== 'directory' ? [] : [{ kind: 'section', key: `section:${section.id}`, section }, ...section.rows.map((row): ListItem => ({ kind: 'row', key: row.key, row, section: section.id }))])),
    [sections],
  );
  const render = (item: ListItem) =>
    item.kind === 'section' ? (
      <div class="section-title" role="presentation" data-section-title={item.section.id}>
        {item.section.title}
      </div>
    ) : (
      <div
        id={rowId(item.row.key)}
        role="option"
        aria-selected={item.row.key === activeKey}
        class={`row${item.row.key === activeKey ? ' active' : ''}`}
        data-kind={item.row.kind}
        data-section={item.section}
        onClick={() => onOpen(item.row)}
        onMouseMove={() => onHover(item.row.key)}
      >
        <RowContent row={item.row} />
      </div>
    );
  if (!sections.some((s) => s.rows.length > 0) && items.length <= 1) {
    return (
      <div class="popup-list" id="popup-list" role="listbox" aria-label={t('popup.listLabel')}>
        {items.map(render)}
        <p class="empty">{emptyText}</p>
      </div>
    );
  }
  return (
    <div class="popup-list">
      <VirtualList
        items={items}
        keyOf={keyOf}
        estimate={estimate}
        render={render}
        reveal={activeKey}
        role="listbox"
        label={t('popup.listLabel')}
        id="popup-list"
        activeDescendant={activeKey === undefined ? undefined : rowId(activeKey)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
