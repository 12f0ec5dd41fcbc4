// Batch requests (protocol §8.1): many GETs in one POST to the application's `batch` link, as
// `multipart/batching` parts of raw HTTP requests; the answer carries one raw HTTP response per
// part, in request order. Used for the presence and notes of many contacts at once.
import { randomUUID } from 'node:crypto';
import type { AuthenticatedHttp } from './authenticated-http';
import { UcwaError } from './errors';
import { headerValue } from './http-transport';
import { Resource } from './resource';

/** The server allows about 100 outstanding requests per user; a batch stays below that. */
export const MAX_BATCH_PARTS = 90;

export interface BatchAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

export function encodeBatch(urls: readonly URL[], boundary: string): string {
  const parts = urls.map((url) => [`--${boundary}`, 'Content-Type: application/http; msgtype=request', '', `GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Accept: application/json', '', ''].join('\r\n'));
  return `${parts.join('')}--${boundary}--\r\n`;
}

function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '');
  return match?.[2];
}

/** Splits head and body at the first blank line (CRLF or LF). */
function splitHead(text: string): [string, string] {
  const match = /\r?\n\r?\n/.exec(text);
  return match === null ? [text, ''] : [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}

function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** One answer per part, in order; a malformed answer is an error for the whole batch. */
export function decodeBatch(body: string, contentType: string | undefined): BatchAnswer[] {
  const boundary = boundaryOf(contentType);
  if (boundary === undefined || !/multipart\/batching/i.test(contentType ?? '')) throw new UcwaError('malformed-response', 'The batch answer is not multipart/batching.');
  const answers: BatchAnswer[] = [];
  const chunks = body.split(`--${boundary}`);
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    // The chunk starts with the boundary line's own line end: the part's headers follow, or at
    // once the blank line that ends them (a part may have none), then the raw HTTP response.
    const [, http] = splitHead(chunk);
    const [head, text] = splitHead(http);
    const [statusLine = '', ...headerLines] = head.split(/\r?\n/);
    const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine)?.[1];
    if (status === undefined) throw new UcwaError('malformed-response', 'A batch part is not an HTTP response.');
    answers.push({ status: Number(status), headers: parseHeaders(headerLines), text: text.replace(/\r?\n$/, '') });
  }
  return answers;
}

export async function sendBatch(http: AuthenticatedHttp, batchUrl: URL, urls: readonly URL[]): Promise<BatchAnswer[]> {
  if (urls.length > MAX_BATCH_PARTS) throw new UcwaError('http', `A batch takes at most ${MAX_BATCH_PARTS} requests.`);
  const boundary = `batch_${randomUUID()}`;
  const res = await http.send({
    method: 'POST',
    url: batchUrl,
    headers: { 'Content-Type': `multipart/batching;boundary=${boundary}`, Accept: 'multipart/batching' },
    body: encodeBatch(urls, boundary),
  });
  const answers = decodeBatch(res.text, headerValue(res.headers['content-type']));
  if (answers.length !== urls.length) throw new UcwaError('malformed-response', `The batch answered ${answers.length} of ${urls.length} requests.`);
  return answers;
}

/** Without a batch link, at most this many single GETs at once (§8.5). */
const SINGLE_CONCURRENCY = 6;

function resourceOf(answer: BatchAnswer | undefined, url: URL, what: string): Resource | undefined {
  if (answer === undefined || answer.status !== 200) return undefined;
  try {
    return Resource.parse(JSON.parse(answer.text), url, what);
  } catch {
    return undefined;
  }
}

/**
 * Many GETs, answered in order: in batches where the application offers a batch link, else (or
 * when a batch is refused) one GET each, a few at a time. A request that fails answers undefined.
 */
export async function getMany(http: AuthenticatedHttp, batchUrl: URL | undefined, urls: readonly URL[], what: string): Promise<(Resource | undefined)[]> {
  const out: (Resource | undefined)[] = [];
  for (let i = 0; i < urls.length; i += MAX_BATCH_PARTS) {
    const chunk = urls.slice(i, i + MAX_BATCH_PARTS);
    const answers = batchUrl === undefined || chunk.length === 1 ? undefined : await sendBatch(http, batchUrl, chunk).catch(() => undefined);
    if (answers !== undefined) {
      out.push(...chunk.map((url, k) => resourceOf(answers[k], url, what)));
      continue;
    }
    const results: (Resource | undefined)[] = new Array<Resource | undefined>(chunk.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let k = next++; k < chunk.length; k = next++) {
        const url = chunk[k] as URL;
        results[k] = await http.getResource(url, what).catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: Math.min(SINGLE_CONCURRENCY, chunk.length) }, worker));
    out.push(...results);
  }
  return out;
}
