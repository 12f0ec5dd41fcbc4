// The popup's search box filters the contact list locally on every keystroke (directory results
// follow from the server). Pure, so it is unit-tested and benchmarked over thousands of contacts.
import type { Contact } from '../../shared/domain';

export interface ContactIndexEntry {
  readonly contact: Contact;
  /** Lower-case name, address, title and department, joined once rather than per keystroke. */
  readonly haystack: string;
}

export function indexContacts(contacts: Iterable<Contact>): ContactIndexEntry[] {
  const entries: ContactIndexEntry[] = [];
  for (const contact of contacts) {
    entries.push({ contact, haystack: [contact.name, contact.uri.replace(/^sip:/i, ''), contact.title ?? '', contact.department ?? ''].join('\n').toLowerCase() });
  }
  return entries;
}

/** Contacts matching every word of the query; names that start with the query come first. */
export function filterContacts(index: readonly ContactIndexEntry[], query: string, limit = 50): Contact[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const first = words[0] ?? '';
  const prefix: Contact[] = [];
  const other: Contact[] = [];
  for (const entry of index) {
    if (!words.every((w) => entry.haystack.includes(w))) continue;
    (entry.haystack.startsWith(first) ? prefix : other).push(entry.contact);
    if (prefix.length >= limit) break;
  }
  return [...prefix, ...other].slice(0, limit);
}
