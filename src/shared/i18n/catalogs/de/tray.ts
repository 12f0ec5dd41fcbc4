import type { tray as english } from '../en/tray.js';

// German messages of one area (tray); the type makes a missing key a compile error.
export const tray = {
  'tray.open': 'UCWA Tray öffnen',
  'tray.presence': 'Status',
  'tray.settings': 'Einstellungen…',
  'tray.signOut': 'Abmelden',
  'tray.quit': 'Beenden',
  'tray.signedOut': 'Abgemeldet',
  'tray.signingIn': 'Anmeldung läuft…',
  'tray.signInFailed': 'Anmeldung fehlgeschlagen',
  'tray.signInFailedDetail': 'Anmeldung fehlgeschlagen: {detail}',
  'tray.nameAndPresence': '{name} – {availability}',
  'tray.unknownPresence': 'Unbekannt',
  'tray.reconnecting': 'Verbindung wird wiederhergestellt…',
  'tray.offline': 'Offline',
} as const satisfies Record<keyof typeof english, string>;
