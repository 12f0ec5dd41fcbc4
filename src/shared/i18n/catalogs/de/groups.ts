import type { groups as english } from '../en/groups.js';

// German messages of one area (groups); the type makes a missing key a compile error.
export const groups = {
  'groups.notificationTitle': '{sender} in {group}',
  'groups.joined': '{name} ist beigetreten',
  'groups.left': '{name} hat die Unterhaltung verlassen',
  'groups.addFailed': '{name} konnte nicht hinzugefügt werden',
  'groups.participants': 'Teilnehmer',
  'groups.participantCount': '{count, plural, one {# Teilnehmer} other {# Teilnehmer}}',
  'groups.you': 'Sie',
  'groups.addPeople': 'Personen hinzufügen',
  'groups.addPeopleTitle': 'Personen zu diesem Chat hinzufügen',
  'groups.add': 'Hinzufügen',
  'groups.cancel': 'Abbrechen',
  'groups.searchPeople': 'Personen suchen',
  'groups.noMatches': 'Niemand gefunden.',
  'groups.chooseOne': 'Wählen Sie mindestens eine Person aus.',
  'groups.newGroupChat': 'Neuer Gruppenchat',
  'groups.newGroupTitle': 'Mit mehreren Personen chatten',
  'groups.subject': 'Betreff (optional)',
  'groups.start': 'Chat beginnen',
  'groups.chooseTwo': 'Wählen Sie mindestens zwei Personen aus.',
  'groups.selected': '{count, plural, one {# Person ausgewählt} other {# Personen ausgewählt}}',
  'groups.showCard': 'Kontaktkarte von {name}',
} as const satisfies Record<keyof typeof english, string>;
