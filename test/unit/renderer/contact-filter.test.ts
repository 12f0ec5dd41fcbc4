import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/shared/domain';
import { filterContacts, indexContacts } from '../../../src/renderer/state/contact-filter';

const contact = (name: string, uri: string, extra: Partial<Contact> = {}): Contact => ({ uri, name, presence: { availability: 'Online' }, ...extra });
const people = [
  contact('Ben Osei', 'sip:ben@contoso.com', { title: 'Engineer', department: 'Engineering' }),
  contact('Anna Benson', 'sip:anna@contoso.com', { title: 'Designer' }),
  contact('Carl Berg', 'sip:carl@contoso.com', { department: 'Design' }),
];
const index = indexContacts(people);

describe('filterContacts', () => {
  it('matches names, addresses, titles and departments, ignoring case', () => {
    expect(filterContacts(index, 'BEN').map((c) => c.name)).toEqual(['Ben Osei', 'Anna Benson']);
    expect(filterContacts(index, 'carl@').map((c) => c.name)).toEqual(['Carl Berg']);
    expect(filterContacts(index, 'design').map((c) => c.name)).toEqual(['Anna Benson', 'Carl Berg']);
  });

  it('needs every word of the query', () => {
    expect(filterContacts(index, 'ben engineer').map((c) => c.name)).toEqual(['Ben Osei']);
    expect(filterContacts(index, 'ben nobody')).toEqual([]);
  });

  it('puts names that start with the query first', () => {
    expect(filterContacts(index, 'be').map((c) => c.name)).toEqual(['Ben Osei', 'Anna Benson', 'Carl Berg']);
    expect(filterContacts(index, 'berg').map((c) => c.name)).toEqual(['Carl Berg']);
  });

  it('returns nothing for a blank query and respects the limit', () => {
    expect(filterContacts(index, '   ')).toEqual([]);
    const many = indexContacts(Array.from({ length: 200 }, (_, i) => contact(`Person ${i}`, `sip:p${i}@contoso.com`)));
    expect(filterContacts(many, 'person', 25)).toHaveLength(25);
  });
});
