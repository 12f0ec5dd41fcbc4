import type { common as english } from '../en/common.js';

// German messages of one area (common); the type makes a missing key a compile error.
export const common = {
  'common.appName': 'UCWA Tray',
  'common.unreadCount': '{count, plural, one {# ungelesene Nachricht} other {# ungelesene Nachrichten}}',
  'common.availability': '{availability, select, Online {Verfügbar} Busy {Beschäftigt} DoNotDisturb {Nicht stören} BeRightBack {Bin gleich zurück} Away {Abwesend} IdleOnline {Inaktiv} IdleBusy {Beschäftigt (inaktiv)} Offwork {Außer Haus} Offline {Offline} other {Status unbekannt}}',
  'common.loading': 'Wird geladen…',
  'common.send': 'Senden',
  'common.me': 'Ich',
  'common.cancel': 'Abbrechen',
  'common.accept': 'Annehmen',
  'common.decline': 'Ablehnen',
  'common.conversation': 'Unterhaltung',
  'common.signingIn': 'Anmeldung läuft…',
  'common.reconnecting': 'Verbindung wird wiederhergestellt…',
  'common.reconnectingIn': 'Neuer Verbindungsversuch in {seconds} s…',
  'common.offlineWaiting': 'Offline: Warten auf das Netzwerk.',
  'common.signedOutByServer': 'Vom Server abgemeldet.',
  'common.signInAgain': 'Erneut anmelden',
  'common.wantsToChat': '{name} möchte chatten',
  'common.invitation': '{name} möchte chatten.',
  'common.invitationWithMessage': '{name} möchte chatten: „{message}“',
  'common.pageTitle': '{page, select, chat {Chat} settings {Einstellungen} signIn {Anmelden} quickReply {Antworten} other {UCWA Tray}}',
} as const satisfies Record<keyof typeof english, string>;
