// The app-wide model of a window, in signals: filled from getSnapshot, kept current by pushes.
// Components read these; they change only here and in the actions.
import { batch, computed, signal } from '@preact/signals';
import type { ConnectionInfo, Contact, ContactGroup, ConversationSummary, Me, MissedConversation, Settings, Snapshot } from '../../shared/domain';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { FALLBACK_LOCALE } from '../../shared/i18n/locales';
import { setPageLocale } from '../i18n';
import { errorMessage, type Words } from './errors';
import type { CatalogText } from '../../shared/catalog-text';

export const connection = signal<ConnectionInfo>({ state: 'signed-out' });
export const me = signal<Me | undefined>(undefined);
export const groups = signal<readonly ContactGroup[]>([]);
export const contacts = signal<ReadonlyMap<string, Contact>>(new Map());
export const conversations = signal<ReadonlyMap<string, ConversationSummary>>(new Map());
export const unreadTotal = signal(0);
/** Conversations missed while signed out (where the server keeps conversation logs). */
export const missed = signal<readonly MissedConversation[]>([]);
export const settings = signal<Settings | undefined>(undefined);
export const canRememberPassword = signal(true);
/** Why the settings file was reset or cannot be saved (this run only); absent when all is well. */
export const settingsNotice = signal<readonly CatalogText[] | undefined>(undefined);
export const presenceNote = signal<string | undefined>(undefined);
/** True once the first snapshot arrived: until then the window shows nothing rather than a wrong state. */
export const loaded = signal(false);
export const loadError = signal<Words | undefined>(undefined);

export const signedIn = computed(() => me.value !== undefined && connection.value.state !== 'signed-out');

/** Recent conversations, newest first. */
export const recentConversations = computed(() =>
  [...conversations.value.values()].sort((a, b) => (b.lastMessage?.time ?? 0) - (a.lastMessage?.time ?? 0)),
);

const byUri = (list: readonly Contact[]): ReadonlyMap<string, Contact> => new Map(list.map((c) => [c.uri.toLowerCase(), c]));

export function applySnapshot(snapshot: Snapshot): void {
  batch(() => {
    connection.value = snapshot.connection;
    me.value = snapshot.me;
    groups.value = snapshot.groups;
    pendingPresence.clear();
    contacts.value = byUri(snapshot.contacts);
    conversations.value = new Map(snapshot.conversations.map((c) => [c.id, c]));
    unreadTotal.value = snapshot.unreadTotal;
    missed.value = snapshot.missed ?? [];
    settings.value = snapshot.settings;
    canRememberPassword.value = snapshot.canRememberPassword;
    settingsNotice.value = snapshot.settingsNotice;
    presenceNote.value = snapshot.presenceNote;
    loaded.value = true;
  });
}

function putConversation(summary: ConversationSummary): void {
  const next = new Map(conversations.value);
  next.set(summary.id, summary);
  conversations.value = next;
}

/**
 * Contacts' presence changes gathered for one update of the list: at sign-in thousands arrive one
 * push each, and copying a 10,000-contact list per push froze the popup for seconds.
 */
const PRESENCE_FLUSH_MS = 16;
const pendingPresence = new Map<string, Contact['presence']>();
let pendingPresenceTimer: ReturnType<typeof setTimeout> | undefined;

function flushPresence(): void {
  clearTimeout(pendingPresenceTimer);
  pendingPresenceTimer = undefined;
  if (pendingPresence.size === 0) return;
  const next = new Map(contacts.value);
  for (const [key, presence] of pendingPresence) {
    const contact = next.get(key);
    if (contact !== undefined) next.set(key, { ...contact, presence });
  }
  pendingPresence.clear();
  contacts.value = next;
}

/** Subscribes to every push that changes the model, then loads the snapshot (so nothing falls between). */
export async function startAppState(bridge: UcwaBridge): Promise<void> {
  bridge.on('connectionChanged', (info) => (connection.value = info));
  bridge.on('sessionChanged', ({ me: next }) => {
    me.value = next;
    if (next === undefined) {
      batch(() => {
        pendingPresence.clear();
        contacts.value = new Map();
        groups.value = [];
        conversations.value = new Map();
        unreadTotal.value = 0;
      });
    }
  });
  bridge.on('presenceChanged', ({ uri, presence, isMe }) => {
    if (isMe) {
      const current = me.value;
      if (current !== undefined) me.value = { ...current, presence };
      return;
    }
    const key = uri.toLowerCase();
    if (!contacts.value.has(key)) return;
    pendingPresence.set(key, presence);
    pendingPresenceTimer ??= setTimeout(flushPresence, PRESENCE_FLUSH_MS);
  });
  bridge.on('contactsChanged', (payload) => {
    flushPresence();
    batch(() => {
      groups.value = payload.groups;
      contacts.value = byUri(payload.contacts);
    });
  });
  bridge.on('contactsUpdated', (payload) => {
    flushPresence();
    const next = new Map(contacts.value);
    for (const contact of payload.contacts) next.set(contact.uri.toLowerCase(), contact);
    contacts.value = next;
  });
  bridge.on('conversationChanged', putConversation);
  bridge.on('unreadChanged', ({ conversationId, unread, total }) => {
    batch(() => {
      unreadTotal.value = total;
      const summary = conversations.value.get(conversationId);
      if (summary !== undefined) putConversation({ ...summary, unread });
    });
  });
  bridge.on('typingChanged', ({ conversationId, typing }) => {
    const summary = conversations.value.get(conversationId);
    if (summary !== undefined) putConversation({ ...summary, typing });
  });
  bridge.on('settingsChanged', (next) => (settings.value = next));
  bridge.on('missedChanged', ({ missed: list }) => (missed.value = list));
  bridge.on('localeChanged', ({ locale }) => void setPageLocale(locale));
  const snapshot = await bridge.getSnapshot({});
  // The window's language first (its catalog is a chunk of its own), so its first paint has words.
  await setPageLocale(snapshot.ok ? snapshot.value.locale : FALLBACK_LOCALE);
  if (snapshot.ok) applySnapshot(snapshot.value);
  else loadError.value = errorMessage(snapshot.error);
  await bridge.ready({});
}
