import type { errors as english } from '../en/errors.js';

// German messages of one area (errors); the type makes a missing key a compile error.
export const errors = {
  'errors.wrongCredentials': 'Adresse oder Kennwort stimmen nicht. Bitte prüfen Sie beides und versuchen Sie es erneut.',
  'errors.unreachable': 'Der Server ist nicht erreichbar. {detail}',
  'errors.tls': 'Dem Zertifikat des Servers wird nicht vertraut, deshalb hat die App Ihr Kennwort nicht gesendet. {detail}',
  'errors.notUcwa': 'Dieser Server spricht kein UCWA (Skype for Business / Lync). {detail}',
  'errors.insecureTransport': 'Diese Serveradresse verwendet unverschlüsseltes http. Ihr Kennwort wird nur über https gesendet.',
  'errors.notInApp': 'Diese Seite läuft in UCWA Tray oder im Browser über den Web-Entwicklungshost (npm run dev:web).',
  'errors.devHostClosed': 'Die Verbindung zum Entwicklungshost wurde geschlossen.',
} as const satisfies Record<keyof typeof english, string>;
