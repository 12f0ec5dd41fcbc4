// A large collection answer is parsed item by item in slices: the same value as JSON.parse, every
// item kept in order, and malformed JSON anywhere refused with a clear error, never half-read.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { HttpTransport } from '../../../src/main/ucwa/http-transport';
import { JsonSyntaxError, parseCollectionInSlices } from '../../../src/main/ucwa/json-in-slices';
import { SecretRedactor, createLogger, silentSink } from '../../../src/main/ucwa/logger';
import { CredentialTrust } from '../../../src/main/ucwa/trust-policy';
import { turnsDuring } from '../../support/event-loop-turns';

const contact = (i: number): Record<string, unknown> => ({
  uri: `sip:person${i}@contoso.com`,
  name: `Person "${i}" {x} [y], \\ back`,
  emailAddresses: [`p${i}@contoso.com`, 'a,b'],
  _links: { self: { href: `/people/p${i}` } },
  nested: { list: [[1, 2], { deep: [i] }], empty: [], nothing: null },
});

const slicedParse = (text: string): Promise<unknown> => parseCollectionInSlices(text, 'contact', 0);

describe('parseCollectionInSlices', () => {
  it('gives what JSON.parse gives, item for item and in order, whatever the spacing and neighbours', async () => {
    const documents = [
      JSON.stringify({ _embedded: { contact: Array.from({ length: 500 }, (_, i) => contact(i)) }, rel: 'myContacts' }),
      JSON.stringify({ rel: 'myContacts', _links: { self: { href: '/x' } }, _embedded: { group: [{ contact: [1] }], contact: [contact(1)], other: [] } }, null, 2),
      JSON.stringify({ _embedded: { contact: [] }, rel: 'myContacts' }),
      JSON.stringify({ _embedded: { contact: [1, 'two', null, [3], { four: 4 }] } }, null, '\t'),
      JSON.stringify({ _embedded: {} }),
      JSON.stringify({ rel: 'myContacts' }),
      '{ "_embedded" : { "contact" : [ {"a":1} , {"b":2} ] } , "rel":"x" }',
      '{"\\u005fembedded":{"contact":[{"a":1}]}}',
    ];
    for (const text of documents) expect(await slicedParse(text)).toEqual(JSON.parse(text));
  });

  it('refuses malformed JSON anywhere, with a clear error, like JSON.parse', async () => {
    const good = JSON.stringify({ _embedded: { contact: [contact(1), contact(2)] }, rel: 'myContacts' });
    const broken = [
      good.slice(0, good.length - 1),
      good.slice(0, good.length / 2),
      good.replace('"rel"', 'rel'),
      good.replace('},{', '},,{'),
      good.replace(']},"rel"', ',]},"rel"'),
      good.replace('"a,b"', '"a,b'),
      `${good}x`,
      good.replace('[', '[,'),
      '{"_embedded":{"contact":[{"a":1}{"b":2}]}}',
      '',
    ];
    for (const text of broken) {
      expect(() => JSON.parse(text)).toThrow();
      await expect(slicedParse(text)).rejects.toBeInstanceOf(JsonSyntaxError);
    }
  });

  it('yields to the event loop while it works through a large list', async () => {
    const text = JSON.stringify({ _embedded: { contact: Array.from({ length: 3_000 }, (_, i) => contact(i)) } });
    // No time to spare: every look at the clock ends a slice (a slice's length is time, not a count).
    const { value, turns } = await turnsDuring(async () => (await parseCollectionInSlices(text, 'contact', undefined, 0)) as { _embedded: { contact: unknown[] } });
    expect(value._embedded.contact).toHaveLength(3_000);
    expect(turns).toBeGreaterThan(100);
  });

  it('a large contact list cut short reaches the client as a clear malformed-response error', async () => {
    const whole = JSON.stringify({ _embedded: { contact: Array.from({ length: 2_000 }, (_, i) => contact(i)) }, rel: 'myContacts' });
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(whole.slice(0, whole.length - 10));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const logger = createLogger('test', silentSink, new SecretRedactor());
      const http = new AuthenticatedHttp(new HttpTransport(undefined, logger), { user: 'ana@contoso.com', password: 'x' }, new SecretRedactor(), logger, new CredentialTrust({ user: 'ana@contoso.com' }));
      const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/people/contacts`);
      await expect(http.getCollection(url, 'contacts', 'contact')).rejects.toMatchObject({ code: 'malformed-response', message: 'The server sent malformed JSON for the contacts.' });
    } finally {
      server.close();
    }
  });
});
