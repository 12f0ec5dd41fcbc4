import type { chat as english } from '../en/chat.js';

// German messages of one area (chat); the type makes a missing key a compile error.
export const chat = {
  'chat.typing': '{count, plural, one {{names} schreibt…} other {{names} schreiben…}}',
  'chat.presenceWithNote': '{availability} · {note}',
  'chat.unsavedHistory': 'Der Verlauf konnte nicht gespeichert werden: {reason} – neuer Versuch folgt. {count, plural, one {Eine Nachricht wird} other {# Nachrichten werden}} bis dahin aufbewahrt; beenden Sie die App noch nicht.',
  'chat.damagedHistory': '{count, plural, one {Eine Zeile des gespeicherten Verlaufs dieser Unterhaltung war beschädigt und kann nicht angezeigt werden.} other {# Zeilen des gespeicherten Verlaufs dieser Unterhaltung waren beschädigt und können nicht angezeigt werden.}}',
  'chat.empty': 'Noch keine Nachrichten. Sagen Sie Hallo.',
  'chat.messagesLabel': 'Nachrichten',
  'chat.messageLabel': 'Nachricht',
  'chat.placeholder': 'Nachricht eingeben',
  'chat.placeholderOffline': 'Nicht verbunden: Nachrichten werden gesendet, sobald die Verbindung wieder steht',
  'chat.noConversation': 'Dieses Chatfenster wurde ohne Unterhaltung geöffnet.',
  'chat.newMessages': 'Neue Nachrichten',
  'chat.today': 'Heute',
  'chat.yesterday': 'Gestern',
  'chat.notDelivered': 'Nicht zugestellt',
  'chat.notDeliveredReason': 'Nicht zugestellt: {reason}',
  'chat.retry': 'Erneut senden',
  'chat.sending': 'Wird gesendet…',
  'chat.delivered': 'Zugestellt',
  'chat.deliveredAfterAll': 'Zugestellt – die Nachricht ist doch angekommen und wurde deshalb nicht erneut gesendet',
  'chat.messageFrom': '{name} um {time}',
  'chat.ended': 'Die Unterhaltung wurde beendet',
  'chat.personLeft': '{name} hat die Unterhaltung verlassen',
  'chat.windowTitleUnread': '({count}) {title}',
} as const satisfies Record<keyof typeof english, string>;
