import type { errors as english } from '../en/errors.js';

// German messages of one area (errors); the type makes a missing key a compile error.
export const errors = {
  'errors.code.invalidInput': 'Die App konnte diese Eingabe nicht annehmen.',
  'errors.code.forbiddenSender': 'Dieses Fenster darf die App nicht aufrufen.',
  'errors.code.forbidden': 'Das ist in diesem Fenster nicht erlaubt.',
  'errors.code.notSignedIn': 'Sie sind nicht angemeldet.',
  'errors.code.wrongCredentials': 'Adresse oder Kennwort stimmen nicht. Bitte prüfen Sie beides und versuchen Sie es erneut.',
  'errors.code.unreachable': 'Der Server ist nicht erreichbar.',
  'errors.code.tls': 'Dem Zertifikat des Servers wird nicht vertraut, deshalb hat die App Ihr Kennwort nicht gesendet.',
  'errors.code.notUcwa': 'Dieser Server spricht kein UCWA (Skype for Business / Lync).',
  'errors.code.insecureTransport': 'Diese Serveradresse verwendet unverschlüsseltes http. Ihr Kennwort wird nur über https gesendet.',
  'errors.code.untrustedServer': 'Die App hat Ihr Kennwort nicht an diesen Server gesendet.',
  'errors.code.proxyAuthRequired': 'Der Proxy verlangt einen Benutzernamen und ein Kennwort.',
  'errors.code.proxyAuthRejected': 'Der Proxy hat diesen Benutzernamen und dieses Kennwort nicht angenommen.',
  'errors.code.proxyRefused': 'Der Proxy hat die Verbindung der App zum Server abgelehnt.',
  'errors.code.badCaFile': 'Diese Datei ist kein Zertifikat, das die App verwenden kann; es wurde nichts hinzugefügt.',
  'errors.code.cancelled': 'Der Vorgang wurde abgebrochen, bevor er abgeschlossen war.',
  'errors.code.notFound': 'Das gibt es nicht mehr.',
  'errors.code.sendFailed': 'Das konnte nicht gesendet werden.',
  'errors.code.unavailable': 'Das ist gerade nicht möglich.',
  'errors.code.internal': 'In der App ist ein Fehler aufgetreten.',
  'errors.withDetail': '{summary} {detail}',
  'errors.notInApp': 'Diese Seite läuft in UCWA Tray oder im Browser über den Web-Entwicklungshost (npm run dev:web).',
  'errors.devHostClosed': 'Die Verbindung zum Entwicklungshost wurde geschlossen.',
} as const satisfies Record<keyof typeof english, string>;
