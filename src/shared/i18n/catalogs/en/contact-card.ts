// English messages of one area (contactCard): ICU MessageFormat (plurals, select, dates), keyed 'contactCard.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const contactCard = {
  'contactCard.dialogLabel': 'Contact card: {name}',
  'contactCard.close': 'Close',
  'contactCard.loading': 'Loading the contact card…',
  'contactCard.title': 'Job title',
  'contactCard.department': 'Department',
  'contactCard.company': 'Company',
  'contactCard.office': 'Office',
  'contactCard.email': 'Email',
  'contactCard.phone': '{type, select, work {Work phone} mobile {Mobile phone} home {Home phone} other {Phone}}',
  'contactCard.address': 'Address',
  'contactCard.location': 'Location',
  'contactCard.note': 'Note',
  'contactCard.copy': 'Copy {value}',
  'contactCard.copied': 'Copied {value}',
  'contactCard.copyFailed': 'Could not copy: {reason}',
  'contactCard.sendMessage': 'Send message',
  'contactCard.open': 'Contact card',
  'contactCard.openFor': 'Contact card of {name}',
} as const;
