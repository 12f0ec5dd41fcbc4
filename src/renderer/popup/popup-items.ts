// The popup's list as one flat sequence of sections and rows, so the arrow keys can walk it.
import type { ChatMessage, Contact, ContactGroup, ConversationSummary } from '../../shared/domain';
import { t } from '../i18n';

export type PopupRow =
  | { readonly kind: 'conversation'; readonly key: string; readonly conversation: ConversationSummary }
  | { readonly kind: 'contact'; readonly key: string; readonly contact: Contact }
  | { readonly kind: 'message'; readonly key: string; readonly message: ChatMessage; readonly conversationTitle: string };

export interface PopupSection {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly PopupRow[];
}

export function browseSections(recent: readonly ConversationSummary[], groups: readonly ContactGroup[], contacts: ReadonlyMap<string, Contact>): PopupSection[] {
  const sections: PopupSection[] = [];
  if (recent.length > 0) sections.push({ id: 'recent', title: t('popup.recent'), rows: recent.slice(0, 10).map((c) => ({ kind: 'conversation', key: `conversation:${c.id}`, conversation: c })) });
  for (const group of groups) {
    const rows: PopupRow[] = [];
    for (const uri of group.contactUris) {
      const contact = contacts.get(uri.toLowerCase());
      if (contact !== undefined) rows.push({ kind: 'contact', key: `${group.id}:${contact.uri}`, contact });
    }
    if (rows.length > 0) sections.push({ id: `group-${group.id}`, title: group.name, rows });
  }
  return sections;
}

export interface SearchFound {
  readonly directory: readonly Contact[] | undefined;
  readonly messages: readonly ChatMessage[];
  readonly searching: boolean;
}

/** Contacts first (local, instant), then the directory, then messages from the local history. */
export function searchSections(matches: readonly Contact[], found: SearchFound, titleOf: (conversationId: string) => string): PopupSection[] {
  const known = new Set(matches.map((c) => c.uri.toLowerCase()));
  const sections: PopupSection[] = [{ id: 'matches', title: t('popup.contacts'), rows: matches.map((c) => ({ kind: 'contact', key: `match:${c.uri}`, contact: c })) }];
  const others = (found.directory ?? []).filter((c) => !known.has(c.uri.toLowerCase()));
  sections.push({ id: 'directory', title: found.searching ? t('popup.directorySearching') : t('popup.directory'), rows: others.map((c) => ({ kind: 'contact', key: `directory:${c.uri}`, contact: c })) });
  sections.push({ id: 'messages', title: t('popup.messages'), rows: found.messages.map((m) => ({ kind: 'message', key: `message:${m.conversationId}:${m.id}`, message: m, conversationTitle: titleOf(m.conversationId) })) });
  return sections;
}
