// The control API over HTTP, under /_sim/, for tests that run the simulator in another process.
// It can hang up conversations and fail requests, so it answers only this machine and only a
// caller that is not a web page elsewhere: the peer is loopback, the Host header names loopback
// (no DNS rebinding), an Origin must be the simulator's own, a browser's Sec-Fetch-Site must be
// same-origin, and a POST must be application/json, which a cross-site HTML form cannot send.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ControlApi } from './control';
import type { FailRule } from './faults';
import { getString, parseJsonObject, readBody, sendError, sendJson } from './wire';

/** Control bodies are small; a bigger one is refused before it is read to the end. */
const MAX_CONTROL_BODY = 64 * 1024;

function isLoopbackAddress(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** Why a control request is refused (status and reason), or undefined when it may proceed. */
export function controlRequestProblem(req: IncomingMessage, scheme: 'http' | 'https'): { readonly status: number; readonly message: string } | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress ?? '')) return { status: 403, message: 'The control API is for loopback only.' };
  const host = req.headers.host ?? '';
  let hostname: string;
  try {
    hostname = new URL(`${scheme}://${host}`).hostname;
  } catch {
    return { status: 403, message: 'The control API needs a loopback Host header.' };
  }
  if (host === '' || !isLoopbackHost(hostname)) return { status: 403, message: 'The control API needs a loopback Host header.' };
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `${scheme}://${host}`.toLowerCase()) return { status: 403, message: 'Cross-origin requests to the control API are refused.' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, message: 'Cross-site requests to the control API are refused.' };
  if (req.method === 'POST') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return { status: 415, message: 'Control requests are POSTed as application/json.' };
  }
  return undefined;
}

export async function handleControlRoute(control: ControlApi, req: IncomingMessage, res: ServerResponse, path: string, scheme: 'http' | 'https'): Promise<void> {
  const problem = controlRequestProblem(req, scheme);
  if (problem !== undefined) {
    res.setHeader('Connection', 'close');
    return sendError(res, problem.status, undefined, problem.message);
  }
  if (req.method === 'GET' && path === '/_sim/requests') return sendJson(res, 200, { requests: control.requests() });
  if (req.method === 'GET' && path === '/_sim/stats') return sendJson(res, 200, control.stats());
  if (req.method !== 'POST') return sendError(res, 405);
  let text: string;
  try {
    text = await readBody(req, MAX_CONTROL_BODY);
  } catch {
    res.setHeader('Connection', 'close');
    return sendError(res, 413, undefined, `Control bodies are at most ${MAX_CONTROL_BODY} bytes.`);
  }
  const body = parseJsonObject(text || '{}');
  if (body === undefined) return sendError(res, 400, 'DeserializationFailure');
  const num = (name: string): number | undefined => (typeof body[name] === 'number' ? (body[name] as number) : undefined);
  try {
    switch (path) {
      case '/_sim/inject-message': {
        const html = getString(body, 'html');
        const ok = control.injectMessage({ from: getString(body, 'from') ?? '', to: getString(body, 'to') ?? '', text: getString(body, 'text') ?? '', ...(html === undefined ? {} : { html }) });
        return sendJson(res, 200, { delivered: ok });
      }
      case '/_sim/presence': {
        const note = getString(body, 'note');
        control.setPresence({ uri: getString(body, 'uri') ?? '', availability: getString(body, 'availability') ?? 'Online', ...(note === undefined ? {} : { note }) });
        return sendJson(res, 200, { ok: true });
      }
      case '/_sim/expire-subscriptions':
        return sendJson(res, 200, { expired: control.expireSubscriptions(getString(body, 'user') ?? '') });
      case '/_sim/group-invite': {
        const others = body.others;
        const subject = getString(body, 'subject');
        const list = Array.isArray(others) ? others.filter((o): o is string => typeof o === 'string') : [];
        return sendJson(res, 200, { delivered: control.groupInvite({ from: getString(body, 'from') ?? '', to: getString(body, 'to') ?? '', others: list, ...(subject === undefined ? {} : { subject }) }) });
      }
      case '/_sim/join-group':
        return sendJson(res, 200, { joined: control.joinGroup({ who: getString(body, 'who') ?? '', to: getString(body, 'to') ?? '' }) });
      case '/_sim/hang-up':
        return sendJson(res, 200, { done: control.hangUp({ from: getString(body, 'from') ?? '', to: getString(body, 'to') ?? '' }) });
      case '/_sim/expire-token':
        return sendJson(res, 200, { expired: control.expireToken(getString(body, 'user') ?? '') });
      case '/_sim/end-conversations':
        return sendJson(res, 200, { ended: control.endConversations(getString(body, 'user') ?? '') });
      case '/_sim/expire-application':
        return sendJson(res, 200, { expired: control.expireApplication(getString(body, 'user') ?? '') });
      case '/_sim/fail': {
        const rule: FailRule = { count: num('count') ?? 1, status: num('status') ?? 503, ...optional(body, ['method', 'path', 'subcode']), ...(num('retryAfterSeconds') === undefined ? {} : { retryAfterSeconds: num('retryAfterSeconds') as number }) };
        control.failNext(rule);
        return sendJson(res, 200, { ok: true });
      }
      case '/_sim/drop':
        control.dropNext({ count: num('count') ?? 1, ...optional(body, ['method', 'path']) });
        return sendJson(res, 200, { ok: true });
      case '/_sim/drop-events':
        return sendJson(res, 200, { dropped: control.dropEventConnections(getString(body, 'user') ?? '') });
      case '/_sim/stale-event-links':
        return sendJson(res, 200, { stale: control.staleEventLinks(getString(body, 'user') ?? '') });
      case '/_sim/repeat-events':
        return sendJson(res, 200, { repeating: control.repeatEventBatches(getString(body, 'user') ?? '', { count: num('count') ?? 1, ...optional(body, ['rel']) }) });
      case '/_sim/delay-next':
        control.delayNext({ count: num('count') ?? 1, ms: num('ms') ?? 0, ...optional(body, ['method', 'path']) });
        return sendJson(res, 200, { ok: true });
      case '/_sim/delay':
        control.delay(num('ms') ?? 0, num('count'));
        return sendJson(res, 200, { ok: true });
      case '/_sim/clear-faults':
        control.clearFaults();
        return sendJson(res, 200, { ok: true });
      default:
        return sendError(res, 404, 'ResourceNotFound', 'Unknown control route.');
    }
  } catch (error) {
    return sendError(res, 400, 'ParameterValidationFailure', error instanceof Error ? error.message : String(error));
  }
}

function optional(body: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) if (typeof body[name] === 'string') out[name] = body[name];
  return out;
}
