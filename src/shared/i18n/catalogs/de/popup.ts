import type { popup as english } from '../en/popup.js';

// German messages of one area (popup); the type makes a missing key a compile error.
export const popup = {
  'popup.myPresence': 'Mein Status',
  'popup.myNote': 'Meine Notiz',
  'popup.notePlaceholder': 'Was gibt es heute Neues?',
  'popup.settings': 'Einstellungen',
  'popup.signOut': 'Abmelden',
  'popup.dismiss': 'Schließen',
  'popup.search': 'Personen und Nachrichten suchen',
  'popup.emptyContacts': 'Noch keine Kontakte. Suchen Sie oben im Verzeichnis.',
  'popup.nobodyFound': 'Niemand gefunden.',
  'popup.unreadTotal': '{count} ungelesen',
  'popup.keyboardHint': 'Eingabe öffnet einen Chat · Esc blendet aus',
  'popup.typing': 'schreibt…',
  'popup.unreadBadge': '{count} ungelesen',
  'popup.listLabel': 'Kontakte und Unterhaltungen',
  'popup.recent': 'Letzte Unterhaltungen',
  'popup.contacts': 'Kontakte',
  'popup.directory': 'Verzeichnis',
  'popup.directorySearching': 'Verzeichnis (Suche läuft…)',
  'popup.messages': 'Nachrichten',
  'popup.messageLine': '{sender}: {text}',
} as const satisfies Record<keyof typeof english, string>;
