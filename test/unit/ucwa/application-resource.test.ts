// Creating the application (protocol §3.2–3.3): the server answers with the application, or only
// its Location; either way it must carry the events link and the communication resource.
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../../src/main/ucwa/application-resource';
import type { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { isUcwaError } from '../../../src/main/ucwa/errors';
import { Resource } from '../../../src/main/ucwa/resource';

const APPLICATIONS = new URL('https://pool.contoso.com/ucwa/oauth/v1/applications');
const IDENTITY = { UserAgent: 'UcwaTray/test', EndpointId: '123e4567-e89b-12d3-a456-426614174000', Culture: 'en-US' };
const application = (href: string): Record<string, unknown> => ({
  _links: { self: { href }, events: { href: `${href}/events?ack=1` } },
  _embedded: { communication: { _links: { self: { href: `${href}/communication` } } }, me: { uri: 'sip:ana@contoso.com' } },
});

interface Posted {
  url: string;
  body: unknown;
}

function http(answer: { text: string; location?: string }, gets: Record<string, unknown> = {}): { http: AuthenticatedHttp; posted: Posted[]; fetched: string[] } {
  const posted: Posted[] = [];
  const fetched: string[] = [];
  const fake = {
    postJson: async (url: URL, body: unknown) => {
      posted.push({ url: url.href, body });
      return { url, status: 201, headers: answer.location === undefined ? {} : { location: answer.location }, text: answer.text };
    },
    getResource: async (url: URL, what: string) => {
      fetched.push(url.href);
      return Resource.parse(gets[url.href], url, what);
    },
  } as unknown as AuthenticatedHttp;
  return { http: fake, posted, fetched };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isUcwaError(error, 'malformed-response') ? (error as Error).message : `other error: ${String(error)}`;
  }
}

describe('createApplication (§3.2–3.3)', () => {
  it('posts the identity and takes the application from the answer, resolved against its Location', async () => {
    const f = http({ text: JSON.stringify(application('applications/42')), location: '/ucwa/oauth/v1/applications/42' });
    const app = await createApplication(f.http, APPLICATIONS, IDENTITY);
    expect(f.posted).toEqual([{ url: APPLICATIONS.href, body: IDENTITY }]);
    expect(f.fetched).toEqual([]);
    // A relative href in the answer is relative to where the application is, not to `applications`.
    expect(app.link('self')?.url.href).toBe('https://pool.contoso.com/ucwa/oauth/v1/applications/applications/42');
    expect(app.link('events')?.url.href).toBe('https://pool.contoso.com/ucwa/oauth/v1/applications/applications/42/events?ack=1');
  });

  it('resolves the answer against `applications` when there is no Location', async () => {
    const f = http({ text: JSON.stringify(application('applications/7')) });
    const app = await createApplication(f.http, APPLICATIONS, IDENTITY);
    expect(app.link('self')?.url.href).toBe('https://pool.contoso.com/ucwa/oauth/v1/applications/7');
  });

  it('reads the application from its Location when the answer has no body', async () => {
    const where = 'https://pool.contoso.com/ucwa/oauth/v1/applications/42';
    for (const text of ['', '  \r\n']) {
      const f = http({ text, location: '42' }, { [where]: application(where) });
      const app = await createApplication(f.http, new URL(`${APPLICATIONS.href}/`), IDENTITY);
      expect(f.fetched).toEqual([where]);
      expect(app.link('self')?.url.href).toBe(where);
    }
  });

  it('refuses an answer that says nowhere, does not parse, or lacks the events link or communication', async () => {
    expect(await failure(createApplication(http({ text: '' }).http, APPLICATIONS, IDENTITY))).toBe('The server created an application but did not say where.');
    expect(await failure(createApplication(http({ text: '{"_links":' }).http, APPLICATIONS, IDENTITY))).toBe('The server sent a malformed application.');
    expect(await failure(createApplication(http({ text: '[1]' }).http, APPLICATIONS, IDENTITY))).toBe('The server sent a malformed application.');
    const where = `${APPLICATIONS.href}/9`;
    expect(await failure(createApplication(http({ text: '', location: where }, { [where]: 'not an application' }).http, APPLICATIONS, IDENTITY))).toBe('The server sent a malformed application.');
    const noEvents = application('/a/1');
    delete (noEvents._links as Record<string, unknown>).events;
    const noCommunication = application('/a/1');
    delete (noCommunication._embedded as Record<string, unknown>).communication;
    for (const body of [noEvents, noCommunication]) {
      expect(await failure(createApplication(http({ text: JSON.stringify(body) }).http, APPLICATIONS, IDENTITY))).toBe('The application lacks its events link or communication resource.');
    }
  });
});
