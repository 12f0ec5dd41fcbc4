import type { signIn as english } from '../en/sign-in.js';

// German messages of one area (sign-in); the type makes a missing key a compile error.
export const signIn = {
  'signIn.title': 'Bei Skype for Business anmelden',
  'signIn.address': 'Anmeldeadresse',
  'signIn.password': 'Kennwort',
  'signIn.server': 'Server',
  'signIn.serverHint': '(optional: wird aus Ihrer Adresse ermittelt)',
  'signIn.rememberMe': 'Angemeldet bleiben',
  'signIn.noEncryptedStorage': 'Dieses System bietet keinen verschlüsselten Speicher, daher wird Ihr Kennwort nicht gespeichert.',
  'signIn.missingFields': 'Geben Sie Ihre Anmeldeadresse und Ihr Kennwort ein.',
  'signIn.trustQuestion': 'Bei {host} als {user} anmelden?',
  'signIn.trustWhy': 'Die App kann nicht prüfen, ob dieser Server für Ihre Anmeldeadresse vertrauenswürdig ist, und hat Ihr Kennwort daher nicht gesendet. Stimmen Sie nur zu, wenn {host} der Server Ihres Unternehmens ist. ({reason})',
  'signIn.trustConfirm': 'Bei {host} anmelden',
  'signIn.signingIn': 'Anmeldung läuft…',
  'signIn.signIn': 'Anmelden',
  'signIn.noServer': 'Kein Server zur Hand?',
  'signIn.startingDemo': 'Demo wird gestartet…',
  'signIn.tryDemo': 'Demo ausprobieren',
  'signIn.signedInClose': 'Angemeldet als {name}. Sie können dieses Fenster schließen.',
  'signIn.checkStatus': '{status, select, ok {OK} warn {Warnung} fail {Fehler} other {Nicht geprüft}}',
  'signIn.checkStepsLabel': 'Schritte der Verbindungsprüfung',
  'signIn.checkLabel': 'Verbindungsprüfung',
  'signIn.checkNeedsAddress': 'Geben Sie zuerst Ihre Anmeldeadresse ein: Die Prüfung geht von ihr aus.',
  'signIn.checking': 'Wird geprüft…',
  'signIn.checkConnection': 'Verbindung prüfen',
  'signIn.checkHint': 'Jeder Schritt der Anmeldung – und was zu beheben ist.',
} as const satisfies Record<keyof typeof english, string>;
