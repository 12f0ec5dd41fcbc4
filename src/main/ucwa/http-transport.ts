// The one place the client touches the network (undici). It refuses plain http to anything but
// loopback, never disables TLS, and turns transport failures into typed errors.
import { StringDecoder } from 'node:string_decoder';
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { certificateProblemOf, type CertificateProblem } from './certificate-problem';
import { UcwaError } from './errors';
import { errorDetail, type ErrorDetailReason } from '../../shared/error-detail';
import type { Logger } from './logger';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: URL;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /**
   * The whole exchange, from connecting to the last byte of the body: a server that trickles one
   * byte at a time cannot hold a request longer. The event channel passes more than its long poll.
   */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Read the body as bytes (photos) instead of text. */
  readonly binary?: boolean;
  /** A larger body is an error; default MAX_BODY_BYTES. */
  readonly maxBytes?: number;
}

export interface HttpResponse {
  readonly url: URL;
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  readonly bytes?: Buffer;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Generous for a 10,000-contact list, small enough that a hostile server cannot exhaust memory. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|HOSTNAME|ALTNAME/i;
/** undici's message when the proxy answers CONNECT with something other than 200. */
const PROXY_STATUS = /Proxy response \((\d{3})\)/;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Credentials only ever travel over https, except to this machine (the simulator, tests). */
export function assertSecureUrl(url: URL): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return;
  throw new UcwaError('insecure-transport', errorDetail('plainHttp', { origin: url.origin, protocol: url.protocol.replace(':', '') }));
}

/**
 * Which dispatcher carries a request: one for everything, or one per origin (the app asks the OS
 * for each origin's proxy, which may be a PAC script's answer).
 */
export type DispatcherSource = Dispatcher | ((url: URL) => Promise<Dispatcher>);

export class HttpTransport {
  requestCount = 0;

  constructor(
    private readonly dispatcher: DispatcherSource | undefined,
    private readonly logger: Logger,
  ) {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    assertSecureUrl(req.url);
    const timeout = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = req.maxBytes ?? MAX_BODY_BYTES;
    this.requestCount++;
    const started = Date.now();
    // One deadline for the whole exchange instead of undici's headers/body inactivity timers: those
    // re-arm twice a second for as long as a long poll is pending, and a trickling server resets them.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeout);
    const signal = req.signal === undefined ? deadline.signal : AbortSignal.any([req.signal, deadline.signal]);
    try {
      const dispatcher = typeof this.dispatcher === 'function' ? await this.dispatcher(req.url) : this.dispatcher;
      const response = await request(req.url, {
        method: req.method,
        headers: req.headers ?? {},
        ...(req.body === undefined ? {} : { body: req.body }),
        ...(dispatcher === undefined ? {} : { dispatcher }),
        headersTimeout: 0,
        bodyTimeout: 0,
        signal,
      });
      const body = await readCapped(response.body, maxBytes, req.url, req.binary === true);
      // The path only: queries and bodies can carry what the log must not.
      this.logger.debug(`${req.method} ${req.url.pathname} -> ${response.statusCode} in ${Date.now() - started} ms`, {
        server: headerValue(response.headers['x-ms-server-fqdn']),
        diagnostics: headerValue(response.headers['x-ms-diagnostics']),
      });
      return { url: req.url, status: response.statusCode, headers: response.headers, ...(typeof body === 'string' ? { text: body } : { text: '', bytes: body }) };
    } catch (error) {
      if (deadline.signal.aborted && req.signal?.aborted !== true) {
        throw new UcwaError('timeout', errorDetail('answerTooSlow', { host: req.url.host, seconds: Math.round(timeout / 1000) }), { cause: error });
      }
      throw toTransportError(error, req.url);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The body, refused past `maxBytes`. Text is decoded chunk by chunk as it arrives (a multi-byte
 * character split between chunks included): decoding a 7 MB contact list in one go at the end was
 * one of the longest turns of the main process at sign-in.
 */
async function readCapped(body: AsyncIterable<unknown> & { destroy(): unknown }, maxBytes: number, url: URL, binary: boolean): Promise<Buffer | string> {
  const chunks: Buffer[] = [];
  const decoder = binary ? undefined : new StringDecoder('utf8');
  let text = '';
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      throw new UcwaError('malformed-response', errorDetail('answerTooLarge', { host: `${url.host}${url.pathname}`, size: formatBytes(maxBytes) }));
    }
    if (decoder === undefined) chunks.push(buffer);
    else text += decoder.write(buffer);
  }
  return decoder === undefined ? Buffer.concat(chunks) : text + decoder.end();
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The status the proxy answered CONNECT with, when that is why the request failed. */
function proxyRefusal(error: unknown): number | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const match = PROXY_STATUS.exec(current.message);
    if (match?.[1] !== undefined) return Number(match[1]);
    current = current.cause;
  }
  return undefined;
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const record = current as { code?: unknown; cause?: unknown; name?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (typeof record.name === 'string') codes.push(record.name);
    current = record.cause;
  }
  return codes;
}

export function toTransportError(error: unknown, url: URL): UcwaError {
  if (error instanceof UcwaError) return error;
  const codes = errorCodes(error);
  // undici reports a CONNECT the proxy refused as an aborted request: say what really happened.
  const proxyStatus = proxyRefusal(error);
  if (proxyStatus === 407) return new UcwaError('proxy-auth-required', errorDetail('proxyAuthRequired', { host: url.host }), { cause: error, status: 407, host: url.origin });
  if (proxyStatus !== undefined) return new UcwaError('proxy-refused', errorDetail('proxyRefused', { host: url.host, status: proxyStatus }), { cause: error, status: proxyStatus, host: url.origin });
  if (codes.includes('AbortError') || codes.includes('UND_ERR_ABORTED')) return new UcwaError('cancelled', errorDetail('cancelled', {}), { cause: error });
  const problem = certificateProblemOf(codes);
  if (problem !== undefined) {
    const code = codes.find((c) => TLS_CODES.test(c)) ?? 'TLS';
    return new UcwaError('tls', errorDetail(CERTIFICATE_REASONS[problem], { host: url.hostname, code }), { cause: error, certificateProblem: problem, host: url.hostname });
  }
  if (codes.some((c) => TIMEOUT_CODES.has(c))) return new UcwaError('timeout', errorDetail('noAnswerInTime', { host: url.host }), { cause: error });
  if (codes.some((c) => UNREACHABLE_CODES.has(c))) {
    return new UcwaError('unreachable', errorDetail('cannotReach', { host: url.host, cause: codes.find((c) => UNREACHABLE_CODES.has(c)) ?? '' }), { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new UcwaError('unreachable', errorDetail('cannotReach', { host: url.host, cause: message }), { cause: error });
}

/** The detail of each certificate problem (its words are the corporate-network catalog's). */
const CERTIFICATE_REASONS = {
  'untrusted-issuer': 'certificateUntrustedIssuer',
  'name-mismatch': 'certificateNameMismatch',
  expired: 'certificateExpired',
  'not-yet-valid': 'certificateNotYetValid',
  other: 'certificateOther',
} as const satisfies Record<CertificateProblem, ErrorDetailReason>;
