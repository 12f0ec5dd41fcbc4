import { describe, expect, it } from 'vitest';
import { Resource } from '../../../src/main/ucwa/resource';

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
