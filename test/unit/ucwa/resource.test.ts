import { describe, expect, it } from 'vitest';
import { Resource, asRawResource, idFromUrl, parseUcwaDate, resolveHref } from '../../../src/main/ucwa/resource';

const base = new URL('https://pool.contoso.com/ucwa/oauth/v1/applications/1');

describe('Resource', () => {
  it('resolves relative hrefs against the response URL and keeps server query parameters verbatim', () => {
    const r = Resource.parse({ _links: { events: { href: '/ucwa/oauth/v1/applications/1/events?ack=1' }, group: { href: 'people/contacts?groupId=a%2Bb' } } }, base, 'app');
    expect(r.link('events')?.url.href).toBe('https://pool.contoso.com/ucwa/oauth/v1/applications/1/events?ack=1');
    expect(r.link('group')?.url.search).toBe('?groupId=a%2Bb');
  });
  it('reads links that are arrays, and embedded arrays even with one item', () => {
    const r = Resource.parse({ _links: { member: [{ href: '/a' }, { href: '/b' }] }, _embedded: { contact: [{ uri: 'sip:x@y', rel: 'contact' }] } }, base, 'x');
    expect(r.links('member').map((l) => l.url.pathname)).toEqual(['/a', '/b']);
    expect(r.embeddedList('contact')[0]?.string('uri')).toBe('sip:x@y');
    expect(r.embedded('contact')?.rel).toBe('contact');
  });
  it('reads properties case-insensitively', () => {
    const r = Resource.parse({ UserAgent: 'x', state: 'Connected' }, base, 'x');
    expect(r.string('userAgent')).toBe('x');
    expect(r.string('State')).toBe('Connected');
  });
  it('adds query parameters with a URL builder without doubling "?" or touching ack', () => {
    const r = Resource.parse({ _links: { next: { href: '/events?ack=5' } } }, base, 'x');
    const url = new URL(r.link('next')?.url ?? base);
    url.searchParams.set('timeout', '180');
    expect(url.search).toBe('?ack=5&timeout=180');
  });
  it('rejects a body that is not a resource', () => {
    expect(() => Resource.parse([1, 2], base, 'application')).toThrow(/malformed application/);
    expect(() => Resource.parse({ _links: { self: 'nope' } }, base, 'application')).toThrow(/malformed/);
  });
});

describe('asRawResource: what a server may send that is not a resource', () => {
  it('takes an object whose rel, links and embedded have the documented shapes', () => {
    const value = { rel: 'contact', _links: { self: { href: '/x', title: 'X' }, member: [{ href: '/a' }], extra: { href: '/y', revision: 3 } }, _embedded: {}, uri: 'sip:x@y' };
    expect(asRawResource(value)).toBe(value);
    expect(asRawResource({})).toEqual({});
  });

  it('refuses every other shape', () => {
    for (const value of [null, 'resource', 3, [], { rel: 7 }, { _links: [] }, { _links: null }, { _links: { self: { href: 1 } } }, { _links: { self: { href: '/x', title: 5 } } }, { _links: { self: null } }, { _links: { m: [{ href: '/a' }, { title: 'no href' }] } }, { _embedded: [] }, { _embedded: 'x' }]) {
      expect(asRawResource(value), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('checks only the links of its own, not what its prototype would add', () => {
    const links = Object.create({ inherited: 'not a link' }) as Record<string, unknown>;
    links.self = { href: '/x' };
    expect(asRawResource({ _links: links })).toBeDefined();
  });
});

describe('Resource links, embedded resources and properties', () => {
  it('names a link with its title and its href as sent, and leaves out a link whose href cannot be resolved', () => {
    const r = Resource.parse({ _links: { contact: [{ href: 'people/ana', title: 'Ana' }, { href: 'http://[bad' }, { href: 'people/ben' }] } }, base, 'x');
    expect(r.links('contact')).toStrictEqual([
      { url: new URL('https://pool.contoso.com/ucwa/oauth/v1/applications/people/ana'), href: 'people/ana', title: 'Ana' },
      { url: new URL('https://pool.contoso.com/ucwa/oauth/v1/applications/people/ben'), href: 'people/ben' },
    ]);
    expect(r.link('missing')).toBeUndefined();
    expect(r.links('missing')).toEqual([]);
    expect(Resource.parse({}, base, 'x').links('self')).toEqual([]);
  });

  it('leaves out embedded items that are not resources, and answers nothing for a rel not embedded', () => {
    const r = Resource.parse({ _embedded: { contact: [{ uri: 'a' }, 'junk', { uri: 'b', rel: 9 }, { uri: 'c' }], me: { uri: 'me' } } }, base, 'x');
    expect(r.embeddedList('contact').map((c) => c.string('uri'))).toEqual(['a', 'c']);
    expect(r.embeddedList('contact')[0]?.base).toBe(base);
    expect(r.embedded('me')?.string('uri')).toBe('me');
    expect(r.embedded('people')).toBeUndefined();
    expect(Resource.parse({}, base, 'x').embeddedList('me')).toEqual([]);
  });

  it('reads a string only as a string, and the strings of a list', () => {
    const r = Resource.parse({ count: 3, name: 'Ana', formats: ['Plain', 3, 'Html'], single: 'Plain' }, base, 'x');
    expect(r.string('count')).toBeUndefined();
    expect(r.string('NAME')).toBe('Ana');
    expect(r.strings('formats')).toEqual(['Plain', 'Html']);
    expect(r.strings('single')).toEqual([]);
    expect(r.strings('missing')).toEqual([]);
    expect(r.property('missing')).toBeUndefined();
  });

  it('prefers a property of the exact name over one that differs only in case', () => {
    const r = Resource.parse({ State: 'Old', state: 'Connected' }, base, 'x');
    expect(r.string('state')).toBe('Connected');
    expect(r.string('State')).toBe('Old');
  });
});

describe('resolveHref, parseUcwaDate, idFromUrl', () => {
  it('resolves an href against a base, and answers undefined for one that cannot be', () => {
    expect(resolveHref('people', base)?.href).toBe('https://pool.contoso.com/ucwa/oauth/v1/applications/people');
    expect(resolveHref('http://[bad', base)).toBeUndefined();
  });

  it('reads the ASP.NET AJAX date with or without its slashes, offset or escapes, and ISO dates', () => {
    expect(parseUcwaDate('/Date(1732442415337)/')).toEqual(new Date(1732442415337));
    expect(parseUcwaDate('\\/Date(1732442415337+0100)\\/')).toEqual(new Date(1732442415337));
    expect(parseUcwaDate('Date(-1000-0500)')).toEqual(new Date(-1000));
    expect(parseUcwaDate('2024-11-24T10:00:15Z')).toEqual(new Date('2024-11-24T10:00:15Z'));
    for (const junk of ['/Date(abc)/', 'x/Date(1)/', '/Date(1)/x', '/Date(1+01)/', 'yesterday', '', 1732442415337, undefined, null]) expect(parseUcwaDate(junk), String(junk)).toBeUndefined();
  });

  it('takes the last non-empty path segment as the id, decoded', () => {
    const id = (href: string): string => idFromUrl(new URL(href, 'https://pool.contoso.com'));
    expect(id('/a/b/conv1')).toBe('conv1');
    expect(id('/a/b/conv1///')).toBe('conv1');
    expect(id('/a/sip%3Aana%40contoso.com')).toBe('sip:ana@contoso.com');
    expect(id('/single')).toBe('single');
    expect(id('/')).toBe('/');
    expect(id('/a//b')).toBe('b');
  });
});
