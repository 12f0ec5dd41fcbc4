// English messages of one area (missed): ICU MessageFormat (plurals, select, dates), keyed 'missed.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const missed = {
  'missed.heading': 'Missed conversations',
  'missed.badge': '{count, plural, one {# missed conversation} other {# missed conversations}}',
  'missed.item': '{name}, {when}: {preview}',
  'missed.open': 'Open the missed conversation with {name}',
} as const;
