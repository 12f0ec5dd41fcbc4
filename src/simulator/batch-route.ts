// POST <application>/batch (protocol §8.1): a multipart/batching body of raw HTTP requests; each
// is run as if sent on its own (same credentials), and the answer is one raw HTTP response per
// part, in order. Not allowed inside: another batch, events, photos (answered 400 in their part).
// More than 100 parts is refused as a whole with 429 TooManyRequests, and nothing runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendError } from './wire';

export interface PartRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface PartResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type PartRunner = (part: PartRequest) => Promise<PartResponse>;

const MAX_PARTS = 100;
const REASONS: Readonly<Record<number, string>> = { 200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

function headBody(text: string): [string, string] {
  const at = text.search(/\r?\n\r?\n/);
  if (at < 0) return [text, ''];
  const gap = /\r?\n\r?\n/.exec(text.slice(at))?.[0].length ?? 2;
  return [text.slice(0, at), text.slice(at + gap)];
}

function headers(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

/** The requests of a batch, or a reason it is not one. */
export function parseBatchRequests(body: string, contentType: string): PartRequest[] | string {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!/^multipart\/batching/i.test(contentType) || boundary === undefined) return 'The body must be multipart/batching with a boundary.';
  const parts: PartRequest[] = [];
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const [partHead, http] = headBody(chunk.replace(/^\r?\n/, ''));
    if (!/application\/http/i.test(headers(partHead.split(/\r?\n/))['content-type'] ?? '')) return 'Every part must be application/http.';
    const [head, partBody] = headBody(http);
    const [requestLine = '', ...lines] = head.split(/\r?\n/);
    const match = /^(GET|POST|PUT|DELETE) (\S+) HTTP\/1\.[01]$/.exec(requestLine.trim());
    if (match === null) return `Not an HTTP request line: ${requestLine.slice(0, 80)}`;
    parts.push({ method: match[1] ?? 'GET', path: match[2] ?? '/', headers: headers(lines), body: partBody.replace(/\r?\n$/, '') });
  }
  return parts;
}

export function encodeBatchResponses(responses: readonly PartResponse[], boundary: string): string {
  const parts = responses.map((r) => {
    const head = [`HTTP/1.1 ${r.status} ${REASONS[r.status] ?? 'Status'}`, ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
    return `--${boundary}\r\nContent-Type: application/http; msgtype=response\r\n\r\n${head}\r\n\r\n${r.body}\r\n`;
  });
  return `${parts.join('')}--${boundary}--\r\n`;
}

function notAllowed(path: string): boolean {
  return /\/(batch|events)(\?|$)|\/photo(\?|$)/i.test(path);
}

export async function handleBatch(req: IncomingMessage, res: ServerResponse, run: PartRunner): Promise<void> {
  const parsed = parseBatchRequests(await readBody(req), req.headers['content-type'] ?? '');
  if (typeof parsed === 'string') return sendError(res, 400, 'ParameterValidationFailure', parsed);
  if (parsed.length > MAX_PARTS) return sendError(res, 429, 'TooManyRequests', `A batch may hold at most ${MAX_PARTS} requests.`);
  const responses = await Promise.all(
    parsed.map((part) =>
      notAllowed(part.path)
        ? Promise.resolve({ status: 400, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 'BadRequest', subcode: 'NotAllowedInBatch', message: 'Batches, events and photos cannot be batched.' }) })
        : run(part),
    ),
  );
  const boundary = `batchresponse_${Math.random().toString(36).slice(2)}`;
  res.writeHead(200, { 'Content-Type': `multipart/batching;boundary=${boundary}`, 'Cache-Control': 'no-cache' });
  res.end(encodeBatchResponses(responses, boundary));
}
