import { describe, expect, it } from 'vitest';
import type { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { MAX_BATCH_PARTS, decodeBatch, encodeBatch, getMany, sendBatch } from '../../../src/main/ucwa/batch';
import { UcwaError } from '../../../src/main/ucwa/index';
import { Resource } from '../../../src/main/ucwa/resource';

describe('batch codec (protocol §8.1)', () => {
  it('encodes one raw GET per part with the path, host and JSON accept', () => {
    const body = encodeBatch([new URL('https://pool.contoso.com/ucwa/oauth/v1/applications/1/people/ben@contoso.com/presence'), new URL('https://pool.contoso.com/x?y=1')], 'b1');
    expect(body).toBe(
      '--b1\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET /ucwa/oauth/v1/applications/1/people/ben@contoso.com/presence HTTP/1.1\r\nHost: pool.contoso.com\r\nAccept: application/json\r\n\r\n' +
        '--b1\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET /x?y=1 HTTP/1.1\r\nHost: pool.contoso.com\r\nAccept: application/json\r\n\r\n--b1--\r\n',
    );
  });

  it('decodes the answers in order, with status, headers and body (CRLF or LF)', () => {
    const body = [
      '--r',
      'Content-Type: application/http; msgtype=response',
      '',
      'HTTP/1.1 200 OK',
      'Content-Type: application/json',
      '',
      '{"availability":"Online"}',
      '--r',
      'Content-Type: application/http; msgtype=response',
      '',
      'HTTP/1.1 404 Not Found',
      '',
      '',
      '--r--',
      '',
    ].join('\n');
    const answers = decodeBatch(body, 'multipart/batching; boundary="r"');
    expect(answers).toEqual([
      { status: 200, headers: { 'content-type': 'application/json' }, text: '{"availability":"Online"}' },
      { status: 404, headers: {}, text: '' },
    ]);
    expect(decodeBatch(body.replace(/\n/g, '\r\n'), 'multipart/batching;boundary=r')[0]?.text).toBe('{"availability":"Online"}');
  });

  it('reads a part without part headers, a response without a body, HTTP/2 status lines and bodies of several lines', () => {
    const body = ['--r', '', 'HTTP/2 200', 'Content-Type: application/json', '', '{"a":', '1}', '--r', 'Content-Type: application/http', '', 'HTTP/1.1 204 No Content', '--r--'].join('\r\n');
    expect(decodeBatch(body, 'multipart/batching;boundary=r')).toStrictEqual([
      { status: 200, headers: { 'content-type': 'application/json' }, text: '{"a":\r\n1}' },
      { status: 204, headers: {}, text: '' },
    ]);
  });

  it('reads header names without their blanks and ignores lines that are not headers', () => {
    const body = ['--r', 'Content-Type: application/http', '', 'HTTP/1.1 200 OK', 'Content-Type : application/json', 'no colon here', ': no name', 'X-Ms-Diagnostics:  1000;reason="x" ', '', '{}', '--r--'].join('\r\n');
    expect(decodeBatch(body, 'multipart/batching;boundary=r')[0]?.headers).toStrictEqual({ 'content-type': 'application/json', 'x-ms-diagnostics': '1000;reason="x"' });
  });

  it('refuses an answer that is not a batch', () => {
    const part = '--r\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}\r\n--r--';
    for (const contentType of ['multipart/mixed;boundary=r', 'multipart/batching', undefined]) {
      expect(() => decodeBatch(part, contentType)).toThrow(/^The batch answer is not multipart\/batching\.$/);
    }
    expect(() => decodeBatch(part.replace('HTTP/1.1', 'XHTTP/1.1'), 'multipart/batching;boundary=r')).toThrow(/^A batch part is not an HTTP response\.$/);
  });

  it('refuses an answer that is not a batch (types)', () => {
    expect(() => decodeBatch('{}', 'application/json')).toThrow(UcwaError);
    expect(() => decodeBatch('--r\r\n\r\nnot http\r\n--r--', 'multipart/batching;boundary=r')).toThrow(/not an HTTP response/);
  });
});

const POOL = 'https://pool.contoso.com';
const BATCH = new URL(`${POOL}/ucwa/oauth/v1/applications/1/batch`);
const presenceUrl = (n: number): URL => new URL(`${POOL}/ucwa/oauth/v1/applications/1/people/c${n}@contoso.com/presence`);

/** Answers each part of a batch from `answerOf(path)`: [status, body]. */
function batchAnswer(paths: readonly string[], boundary: string, answerOf: (path: string) => [number, string]): string {
  const parts = paths.map((path) => {
    const [status, text] = answerOf(path);
    return `--${boundary}\r\nContent-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 ${status} X\r\nContent-Type: application/json\r\n\r\n${text}\r\n`;
  });
  return `${parts.join('')}--${boundary}--\r\n`;
}

interface FakeHttp {
  readonly http: AuthenticatedHttp;
  readonly posts: { url: string; headers: Record<string, string>; parts: number }[];
  readonly gets: string[];
  maxGetsAtOnce: number;
}

function fakeHttp(options: { batch?: 'answer' | 'refuse' | 'short'; failGets?: (path: string) => boolean; answerOf?: (path: string) => [number, string] } = {}): FakeHttp {
  const fake: FakeHttp = { posts: [], gets: [], maxGetsAtOnce: 0, http: undefined as unknown as AuthenticatedHttp };
  let getsNow = 0;
  const answerOf = options.answerOf ?? ((path: string): [number, string] => [200, JSON.stringify({ availability: 'Online', path })]);
  const http = {
    send: async (req: { method: string; url: URL; headers: Record<string, string>; body: string }) => {
      const paths = [...req.body.matchAll(/^GET (\S+) HTTP\/1\.1\r$/gm)].map((m) => m[1] as string);
      fake.posts.push({ url: `${req.method} ${req.url.href}`, headers: req.headers, parts: paths.length });
      if (options.batch === 'refuse') throw new UcwaError('http', 'HTTP 501');
      const text = batchAnswer(options.batch === 'short' ? paths.slice(1) : paths, 'answer', answerOf);
      return { url: req.url, status: 200, headers: { 'content-type': 'multipart/batching; boundary=answer' }, text };
    },
    getResource: async (url: URL, what: string) => {
      fake.gets.push(url.pathname);
      getsNow++;
      fake.maxGetsAtOnce = Math.max(fake.maxGetsAtOnce, getsNow);
      await new Promise((resolve) => setTimeout(resolve, 1));
      getsNow--;
      if (options.failGets?.(url.pathname) === true) throw new UcwaError('not-found', 'gone');
      return Resource.parse({ availability: 'Away', path: url.pathname, what }, url, what);
    },
  };
  (fake as { http: AuthenticatedHttp }).http = http as unknown as AuthenticatedHttp;
  return fake;
}

const pathOf = (r: Resource | undefined): string | undefined => r?.string('path');

describe('sendBatch and getMany (protocol §8.1, §8.5)', () => {
  it('sends one batch POST with its boundary, and refuses more parts than a batch takes', async () => {
    const fake = fakeHttp();
    const urls = [presenceUrl(1), presenceUrl(2)];
    const answers = await sendBatch(fake.http, BATCH, urls);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(fake.posts).toHaveLength(1);
    expect(fake.posts[0]?.url).toBe(`POST ${BATCH.href}`);
    expect(fake.posts[0]?.headers['Content-Type']).toMatch(/^multipart\/batching;boundary=batch_[0-9a-f-]{36}$/);
    expect(fake.posts[0]?.headers.Accept).toBe('multipart/batching');
    expect(fake.posts[0]?.parts).toBe(2);
    const tooMany = Array.from({ length: MAX_BATCH_PARTS + 1 }, (_, i) => presenceUrl(i));
    await expect(sendBatch(fake.http, BATCH, tooMany)).rejects.toThrow(`A batch takes at most ${MAX_BATCH_PARTS} requests.`);
    await expect(sendBatch(fake.http, BATCH, tooMany.slice(0, MAX_BATCH_PARTS))).resolves.toHaveLength(MAX_BATCH_PARTS);
  });

  it('refuses a batch answer with fewer parts than were asked', async () => {
    const fake = fakeHttp({ batch: 'short' });
    await expect(sendBatch(fake.http, BATCH, [presenceUrl(1), presenceUrl(2), presenceUrl(3)])).rejects.toThrow('The batch answered 2 of 3 requests.');
  });

  it('answers in the order asked from batches, a part that failed or is not JSON as undefined', async () => {
    // A UCWA error answer has a JSON body (§8.4): a 404 is still no resource.
    const fake = fakeHttp({ answerOf: (path) => (path.includes('c2@') ? [404, '{"code":"NotFound","message":"gone"}'] : path.includes('c3@') ? [200, 'not json'] : path.includes('c4@') ? [200, '[1]'] : [200, JSON.stringify({ path })]) });
    const urls = [1, 2, 3, 4, 5].map(presenceUrl);
    const got = await getMany(fake.http, BATCH, urls, 'presence');
    expect(got.map(pathOf)).toEqual([urls[0]?.pathname, undefined, undefined, undefined, urls[4]?.pathname]);
    expect(got[0]?.base.href).toBe(urls[0]?.href);
    expect(got[1]).toBeUndefined();
    expect(fake.gets).toEqual([]);
  });

  it('asks more than a batch takes in batches of at most that many', async () => {
    const fake = fakeHttp();
    const urls = Array.from({ length: 2 * MAX_BATCH_PARTS + 1 }, (_, i) => presenceUrl(i));
    const got = await getMany(fake.http, BATCH, urls, 'presence');
    expect(got.map(pathOf)).toEqual(urls.map((u) => u.pathname));
    // The last chunk has one url: a single GET, not a batch of one.
    expect(fake.posts.map((p) => p.parts)).toEqual([MAX_BATCH_PARTS, MAX_BATCH_PARTS]);
    expect(fake.gets).toEqual([urls[2 * MAX_BATCH_PARTS]?.pathname]);
  });

  it('without a batch link, or when the batch is refused, asks one GET each, a few at a time, in order', async () => {
    for (const [batchUrl, batch] of [[undefined, 'answer'], [BATCH, 'refuse']] as const) {
      const fake = fakeHttp({ batch, failGets: (path) => path.includes('c3@') });
      const urls = Array.from({ length: 10 }, (_, i) => presenceUrl(i));
      const got = await getMany(fake.http, batchUrl, urls, 'presence');
      expect(got.map(pathOf)).toEqual(urls.map((u, i) => (i === 3 ? undefined : u.pathname)));
      expect(got[0]?.string('what')).toBe('presence');
      expect(fake.gets.sort()).toEqual(urls.map((u) => u.pathname).sort());
      expect(fake.maxGetsAtOnce).toBe(6);
    }
    const two = fakeHttp();
    await getMany(two.http, undefined, [presenceUrl(1), presenceUrl(2)], 'presence');
    expect(two.maxGetsAtOnce).toBe(2);
  });

  it('asks nothing for nothing', async () => {
    const fake = fakeHttp();
    expect(await getMany(fake.http, BATCH, [], 'presence')).toEqual([]);
    expect(fake.posts).toEqual([]);
    expect(fake.gets).toEqual([]);
  });
});
