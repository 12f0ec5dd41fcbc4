// The tray popup: who I am, one search box, and the list of recent conversations and contacts.
// Keyboard: the search box has the focus; arrows move, Enter opens the chat, Esc clears or hides.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChatMessage, Contact } from '../../shared/domain';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { ConnectionBanner } from '../components/connection-banner';
import { PendingInvitations } from '../components/invitation-bar';
import { contacts, conversations, groups, recentConversations, unreadTotal } from '../state/app-state';
import { filterContacts, indexContacts } from '../state/contact-filter';
import { pageLocale, t } from '../i18n';
import { MeHeader } from './me-header';
import { browseSections, searchSections } from './popup-items';
import type { PopupRow } from './popup-items';
import { PopupList, rowId } from './popup-list';
import { LazyDialog } from '../components/lazy-dialog';
import { MissedSection } from './missed-section';
import { errorMessage, say, type Words } from '../state/errors';

const DIRECTORY_DELAY_MS = 250;

export function PopupApp({ bridge }: { readonly bridge: UcwaBridge }) {
  const [query, setQuery] = useState('');
  const [directory, setDirectory] = useState<readonly Contact[] | undefined>(undefined);
  const [messages, setMessages] = useState<readonly ChatMessage[]>([]);
  const [searching, setSearching] = useState(false);
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<Words | undefined>(undefined);
  const [dialog, setDialog] = useState<{ readonly kind: 'card'; readonly contact: Contact } | { readonly kind: 'group' } | undefined>(undefined);
  const searchBox = useRef<HTMLInputElement>(null);
  const index = useMemo(() => indexContacts(contacts.value.values()), [contacts.value]);
  const trimmed = query.trim();
  const sections = useMemo(
    () =>
      trimmed === ''
        ? browseSections(recentConversations.value, groups.value, contacts.value)
        : searchSections(filterContacts(index, trimmed), { directory, messages, searching }, (id) => conversations.value.get(id)?.title ?? t('common.conversation')),
    // The section titles are worded in the page's language: a new language is a new list.
    [trimmed, index, directory, messages, searching, recentConversations.value, groups.value, contacts.value, conversations.value, pageLocale()],
  );
  const rows = useMemo(() => sections.flatMap((s) => s.rows), [sections]);
  const shownNotice = say(notice);

  useEffect(() => searchBox.current?.focus(), []);
  // The tray popup is hidden, not closed: it comes back empty, with the search box ready.
  useEffect(() => {
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') {
        setQuery('');
        setActiveKey(undefined);
      } else searchBox.current?.focus();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);
  useEffect(() => {
    setDirectory(undefined);
    setMessages([]);
    if (trimmed === '') return undefined;
    setSearching(true);
    let current = true;
    const timer = setTimeout(() => {
      void bridge.search({ query: trimmed, limit: 20 }).then((result) => {
        if (!current) return;
        setSearching(false);
        if (result.ok) setDirectory(result.value);
        else setNotice(errorMessage(result.error));
      });
      void bridge.searchHistory({ query: trimmed, limit: 20 }).then((result) => {
        if (current && result.ok) setMessages(result.value);
      });
    }, DIRECTORY_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, bridge]);
  // Keep the active row valid as the list changes; the first row is active while searching.
  useEffect(() => {
    if (activeKey !== undefined && rows.some((r) => r.key === activeKey)) return;
    setActiveKey(trimmed === '' ? undefined : rows[0]?.key);
  }, [rows, activeKey, trimmed]);

  const open = async (row: PopupRow): Promise<void> => {
    const result =
      row.kind === 'conversation'
        ? await bridge.openConversation({ conversationId: row.conversation.id })
        : row.kind === 'message'
          ? await bridge.openConversation({ conversationId: row.message.conversationId })
          : await bridge.openChat({ uri: row.contact.uri });
    if (!result.ok) setNotice(errorMessage(result.error));
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const at = rows.findIndex((r) => r.key === activeKey);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (rows.length === 0) return;
      const next = event.key === 'ArrowDown' ? Math.min(rows.length - 1, at + 1) : Math.max(0, at === -1 ? 0 : at - 1);
      setActiveKey(rows[next]?.key);
    } else if (event.key === 'Enter') {
      const row = rows[at];
      if (row !== undefined) {
        event.preventDefault();
        void open(row);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query !== '') setQuery('');
      else void bridge.hideWindow({});
    }
  };

  return (
    <div class="popup">
      <MeHeader bridge={bridge} onError={setNotice} />
      <ConnectionBanner bridge={bridge} />
      <PendingInvitations bridge={bridge} />
      <MissedSection bridge={bridge} onError={setNotice} />
      {shownNotice === undefined ? null : (
        <div class="banner banner-error" role="alert">
          {shownNotice}
          <button type="button" class="link-button" onClick={() => setNotice(undefined)}>
            {t('popup.dismiss')}
          </button>
        </div>
      )}
      <div class="search">
        <input
          ref={searchBox}
          type="search"
          aria-label={t('popup.search')}
          aria-controls="popup-list"
          aria-activedescendant={activeKey === undefined ? undefined : rowId(activeKey)}
          placeholder={t('popup.search')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <PopupList sections={sections} activeKey={activeKey} onOpen={(row) => void open(row)} onHover={setActiveKey} emptyText={trimmed === '' ? t('popup.emptyContacts') : t('popup.nobodyFound')} onKeyDown={onKeyDown} />
      <PopupActions active={rows.find((r) => r.key === activeKey)} onCard={(contact) => setDialog({ kind: 'card', contact })} onGroup={() => setDialog({ kind: 'group' })} />
      {dialog?.kind === 'card' ? <LazyDialog onClose={() => setDialog(undefined)} render={({ ContactCardDialog }, kit) => <ContactCardDialog bridge={bridge} uri={dialog.contact.uri} name={dialog.contact.name} onClose={() => setDialog(undefined)} kit={kit} />} /> : null}
      {dialog?.kind === 'group' ? <LazyDialog onClose={() => setDialog(undefined)} render={({ GroupChatDialog }, kit) => <GroupChatDialog bridge={bridge} onClose={() => setDialog(undefined)} kit={kit} />} /> : null}
      <footer class="popup-footer" aria-live="polite">
        {unreadTotal.value > 0 ? (
          <span class="unread-total" data-testid="unread-total">
            {t('popup.unreadTotal', { count: unreadTotal.value })}
          </span>
        ) : (
          <span class="hint">{t('popup.keyboardHint')}</span>
        )}
      </footer>
    </div>
  );
}

/** The contact card of the person the list points at, and a new group chat. */
function PopupActions({ active, onCard, onGroup }: { readonly active: PopupRow | undefined; readonly onCard: (contact: Contact) => void; readonly onGroup: () => void }) {
  const contact = active?.kind === 'contact' ? active.contact : undefined;
  return (
    <div class="popup-actions">
      <button type="button" class="link-button" onClick={onGroup}>
        {t('groups.newGroupChat')}
      </button>
      {contact === undefined ? null : (
        <button type="button" class="link-button" onClick={() => onCard(contact)} aria-label={t('contactCard.openFor', { name: contact.name })}>
          {t('contactCard.open')}
        </button>
      )}
    </div>
  );
}
