import type { missed as english } from '../en/missed.js';

// German messages of one area (missed); the type makes a missing key a compile error.
export const missed = {
  'missed.heading': 'Verpasste Unterhaltungen',
  'missed.badge': '{count, plural, one {# verpasste Unterhaltung} other {# verpasste Unterhaltungen}}',
  'missed.item': '{name}, {when}: {preview}',
  'missed.open': 'Verpasste Unterhaltung mit {name} öffnen',
} as const satisfies Record<keyof typeof english, string>;
