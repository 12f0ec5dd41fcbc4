// Wire helpers written from the protocol reference (§0, §8.4): JSON bodies, error bodies,
// ASP.NET AJAX dates and RFC 2397 data URIs with form encoding.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const JSON_TYPE = 'application/json; charset=utf-8';

const STATUS_CODE_NAMES: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'PreconditionFailed',
  415: 'UnsupportedMediaType',
  428: 'PreconditionRequired',
  429: 'TooManyRequests',
  500: 'ServiceFailure',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function codeForStatus(status: number): string {
  return STATUS_CODE_NAMES[status] ?? 'ServiceFailure';
}

/** `\/Date(ms)\/` in raw JSON text, which parses to `/Date(ms)/`. */
export function ucwaDate(ms: number): string {
  return `/Date(${ms})/`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body).replace(/"\/Date\((\d+)\)\/"/g, '"\\/Date($1)\\/"');
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-cache', ...headers });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': '0', 'Cache-Control': 'no-cache', ...headers });
  res.end();
}

export interface ErrorBody {
  readonly code: string;
  readonly subcode?: string;
  readonly message?: string;
}

export function sendError(res: ServerResponse, status: number, subcode?: string, message?: string, headers: Record<string, string> = {}): void {
  const body: ErrorBody = {
    code: codeForStatus(status),
    ...(subcode === undefined ? {} : { subcode }),
    message: message ?? `${codeForStatus(status)}${subcode === undefined ? '' : ` (${subcode})`}`,
  };
  sendJson(res, status, body, headers);
}

export async function readBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Form encoding as observed on the wire: `+` for space, CRLF as `%0d%0a` (§0, §6.4). */
export function encodeDataUri(mime: 'text/plain' | 'text/html', text: string): string {
  return `data:${mime};charset=utf-8,${encodeURIComponent(text).replace(/%20/g, '+')}`;
}

export interface DecodedDataUri {
  readonly mime: string;
  readonly text: string;
}

export function decodeDataUri(uri: string): DecodedDataUri | undefined {
  const match = /^data:([^,]*),(.*)$/is.exec(uri);
  if (match === null) return undefined;
  const params = (match[1] ?? '').split(';').map((p) => p.trim());
  const mime = params[0] === '' || params[0] === undefined ? 'text/plain' : params[0].toLowerCase();
  const payload = match[2] ?? '';
  if (params.some((p) => p.toLowerCase() === 'base64')) {
    return { mime, text: Buffer.from(payload, 'base64').toString('utf8') };
  }
  try {
    return { mime, text: decodeURIComponent(payload.replace(/\+/g, ' ')) };
  } catch {
    return undefined;
  }
}

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** UCWA property names are case-insensitive in practice (§3.1). */
export function getProperty(body: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(body)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

export function getString(body: Record<string, unknown>, name: string): string | undefined {
  const value = getProperty(body, name);
  return typeof value === 'string' ? value : undefined;
}

export function normalizeSip(uri: string): string {
  const trimmed = uri.trim().toLowerCase();
  return trimmed.startsWith('sip:') ? trimmed : `sip:${trimmed}`;
}
