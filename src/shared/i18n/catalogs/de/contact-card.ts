import type { contactCard as english } from '../en/contact-card.js';

// German messages of one area (contactCard); the type makes a missing key a compile error.
export const contactCard = {
  'contactCard.dialogLabel': 'Kontaktkarte: {name}',
  'contactCard.close': 'Schließen',
  'contactCard.loading': 'Kontaktkarte wird geladen…',
  'contactCard.title': 'Position',
  'contactCard.department': 'Abteilung',
  'contactCard.company': 'Firma',
  'contactCard.office': 'Büro',
  'contactCard.email': 'E-Mail',
  'contactCard.phone': '{type, select, work {Telefon (geschäftlich)} mobile {Mobiltelefon} home {Telefon (privat)} other {Telefon}}',
  'contactCard.address': 'Adresse',
  'contactCard.location': 'Standort',
  'contactCard.note': 'Notiz',
  'contactCard.copy': '{value} kopieren',
  'contactCard.copied': '{value} kopiert',
  'contactCard.copyFailed': 'Kopieren nicht möglich: {reason}',
  'contactCard.sendMessage': 'Nachricht senden',
  'contactCard.open': 'Kontaktkarte',
  'contactCard.openFor': 'Kontaktkarte von {name}',
} as const satisfies Record<keyof typeof english, string>;
