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

  it('parses the items of `_embedded.<rel>` one by one, wherever it sits and however it is spaced, and no other array', async () => {
    // Small documents (no look at the clock while scanning) with 40 items: with no time to spare,
    // parsing them item by item yields every 16 items; a document parsed whole never yields.
    const items = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? { s: `a "q" \\ [${i}], {x}`, n: [[i], { d: [] }] } : i % 4 === 1 ? [i, null, 'x,y'] : i % 4 === 2 ? i : `s${i}]`));
    const sliced = [
      JSON.stringify({ _embedded: { contact: items } }),
      JSON.stringify({ contact: [0], rel: 'x', _links: { contact: { href: '/c' } }, _embedded: { group: [{ contact: [1] }], other: { contact: [2] }, contact: items, after: [3] }, tail: { _embedded: { contact: [] } } }, null, 2),
      JSON.stringify({ _embedded: { contact: items } }, null, '\t'),
      `{ "_embedded" :\n { "contact" :\r\n [ ${items.map((item) => JSON.stringify(item)).join(' ,\n ')} ] } }`,
      `{"\\u005fembedded":{"cont\\u0061ct":${JSON.stringify(items)}}}`,
      `{"_embedded"\r\n\t:\n{"contact"\t:${JSON.stringify(items)}}}`,
    ];
    const whole = [
      JSON.stringify({ contact: items }),
      JSON.stringify({ _embedded: { group: { contact: items } } }),
      JSON.stringify({ _links: { _embedded: { contact: items } } }),
      JSON.stringify({ list: [{ _embedded: { contact: items } }] }),
      JSON.stringify({ _embedded: { contacts: items } }),
      JSON.stringify({ _embedded: [{ contact: items }] }),
      JSON.stringify({ _embedded: { group: [] }, other: { contact: items } }),
    ];
    for (const [texts, yields] of [[sliced, true], [whole, false]] as const) {
      for (const text of texts) {
        expect(text.length).toBeLessThan(16 * 1024);
        const { value, turns } = await turnsDuring(() => parseCollectionInSlices(text, 'contact', 0, 0));
        expect(value, text.slice(0, 80)).toEqual(JSON.parse(text));
        if (yields) expect(turns, text.slice(0, 80)).toBeGreaterThanOrEqual(2);
        else expect(turns, text.slice(0, 80)).toBe(0);
      }
    }
  });

  it('parses a document shorter than the threshold whole, and one of its length item by item', async () => {
    const text = JSON.stringify({ _embedded: { contact: Array.from({ length: 40 }, (_, i) => i) } });
    expect((await turnsDuring(() => parseCollectionInSlices(text, 'contact', text.length + 1, 0))).turns).toBe(0);
    expect((await turnsDuring(() => parseCollectionInSlices(text, 'contact', text.length, 0))).turns).toBeGreaterThanOrEqual(2);
    expect((await turnsDuring(() => parseCollectionInSlices(text, 'contact', undefined, 0))).turns).toBe(0);
  });

  it('gives what JSON.parse gives where a naive scan would go wrong: escaped quotes, a lookalike key, an empty array, other arrays first', async () => {
    const documents = [
      // A string holding only an escaped quote must not end where the escape is.
      '{"_embedded":{"contact":["\\"",1,"\\""]}}',
      // A key that merely ends in `_embedded`, and a comma at depth 3 in its object.
      '{"\\"_embedded":{"contact":[1,2]},"_embedded":{"contact":[3]}}',
      '{"_embedded":{"contact":[ ]}}',
      '{"_embedded":{"group":[1],"contact":[2,3]}}',
      '{"_embedded":{"me":{},"contact":[{"a":[1,{"b":[2]}]},[3,[4]]]}}',
    ];
    for (const text of documents) expect(await slicedParse(text), text).toEqual(JSON.parse(text));
  });

  it('with no time to spare, every few items end a slice; with time to spare, nothing yields', async () => {
    const count = 3_000;
    const text = JSON.stringify({ _embedded: { group: [1], contact: Array.from({ length: count }, (_, i) => ({ uri: `sip:p${i}@contoso.com`, n: [i] })) } });
    // The budget is looked at every 16 items (slices.ts): each look ends a slice when none is left.
    const tight = await turnsDuring(() => parseCollectionInSlices(text, 'contact', 0, 0));
    expect(tight.turns).toBeGreaterThanOrEqual(count / 16);
    const spare = await turnsDuring(() => parseCollectionInSlices(text, 'contact', 0, 60_000));
    expect(spare.value).toEqual(JSON.parse(text));
    expect(spare.turns).toBe(0);
  });

  it('the scan itself yields inside one large item, about once per 16K characters', async () => {
    const text = JSON.stringify({ _embedded: { contact: [Array.from({ length: 300_000 }, () => 1)] } });
    const { turns } = await turnsDuring(() => parseCollectionInSlices(text, 'contact', 0, 0));
    expect(turns).toBeGreaterThanOrEqual(Math.floor(text.length / (16 * 1024)) - 1);
    expect(turns).toBeLessThan(text.length / 4_096);
  });

  it('parses a document under 256 KB whole with the default threshold, even with no time to spare', async () => {
    const text = JSON.stringify({ _embedded: { contact: Array.from({ length: 2_000 }, (_, i) => i) } }).padEnd(200 * 1024, ' ');
    expect((await turnsDuring(() => parseCollectionInSlices(text, 'contact', undefined, 0))).turns).toBe(0);
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
