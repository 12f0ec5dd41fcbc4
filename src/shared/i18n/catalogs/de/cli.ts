import type { cli as english } from '../en/cli.js';

// German messages of one area (cli); the type makes a missing key a compile error.
export const cli = {
  'cli.unknownCommand': 'unbekannter Befehl „{command}“ (siehe --help)',
  'cli.commandFailed': 'ucwa-tray {command}: {reason}',
  'cli.portRange': '--port muss eine Zahl von 0 bis 65535 sein',
  'cli.missingTo': '--to ADRESSE fehlt',
  'cli.missingText': 'der Nachrichtentext fehlt',
  'cli.delivered': 'zugestellt an {to}',
  'cli.listening': 'empfange als {name} <{uri}>; Strg+C beendet',
  'cli.unknownArgument': 'unbekanntes Argument „{argument}“ (meinten Sie „presence set“?)',
  'cli.missingSearch': 'der Suchtext fehlt',
  'cli.limitRange': '--limit muss eine Zahl von 1 bis 100 sein',
  'cli.missingUser': '--user fehlt (oder UCWA_USER)',
  'cli.missingPassword': '--password fehlt (oder UCWA_PASSWORD)',
  'cli.checking': 'Verbindung für {user} wird geprüft…',
  'cli.checkingAt': 'Verbindung für {user} auf {server} wird geprüft…',
  'cli.fix': 'Abhilfe: {fix}',
  'cli.verdict': '{verdict, select, ok {OK} warn {WARNUNG} other {PROBLEM}}: {summary}',
  'cli.availabilityChoices': 'die Verfügbarkeit muss eine von {choices} sein',
  'cli.presenceSet': 'Status auf {availability} gesetzt (er gilt, solange einer Ihrer Endpunkte angemeldet bleibt)',
  'cli.presenceSetWithNote': 'Status auf {availability} mit der Notiz „{note}“ gesetzt (er gilt, solange einer Ihrer Endpunkte angemeldet bleibt)',
  'cli.nobodyMatches': 'niemand passt zu „{query}“',
  'cli.moreResults': '  … weitere Treffer; verfeinern Sie die Suche oder erhöhen Sie --limit',
  'cli.connected': 'verbunden',
  'cli.demoSignedIn': 'Angemeldet als {name}. Ein kurzer Chat mit dem Echo-Bot:',
} as const satisfies Record<keyof typeof english, string>;
