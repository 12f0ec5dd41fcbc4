// The contact index the search box filters: which fields of a contact a query can find (departments
// included), and that nothing but the contact's own fields can match. Indexed inside each test.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/shared/domain';
import { filterContacts, indexContacts } from '../../../src/renderer/state/contact-filter';

const person = (name: string, uri: string, extra: Partial<Contact> = {}): Contact => ({ uri, name, presence: { availability: 'Online' }, ...extra });

describe('contact index', () => {
  it('finds a contact by its department, and by its title', () => {
    const index = indexContacts([person('Carl Berg', 'sip:carl@contoso.com', { department: 'Finance' }), person('Dana Kim', 'sip:dana@contoso.com', { title: 'Support Lead' })]);
    expect(filterContacts(index, 'finance').map((c) => c.name)).toEqual(['Carl Berg']);
    expect(filterContacts(index, 'support').map((c) => c.name)).toEqual(['Dana Kim']);
  });

  it('holds the lower-case name, address without sip:, title and department, and nothing else', () => {
    const [bare, full] = indexContacts([person('Ben Osei', 'sip:Ben@Contoso.com'), person('Dana Kim', 'sip:dana@contoso.com', { title: 'Support Lead', department: 'IT' })]);
    expect(bare?.haystack).toBe('ben osei\nben@contoso.com\n\n');
    expect(full?.haystack).toBe('dana kim\ndana@contoso.com\nsupport lead\nit');
  });

  it('finds no one for a query that is in none of their fields', () => {
    const index = indexContacts([person('Ben Osei', 'sip:ben@contoso.com'), person('Dana Kim', 'sip:dana@contoso.com', { title: 'Support Lead' })]);
    for (const query of ['sip:', 'undefined', 'null']) expect(filterContacts(index, query)).toEqual([]);
  });
});
