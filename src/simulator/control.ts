// The control API tests use to drive the simulator: programmatically (`sim.control`) or over HTTP
// under /_sim/ (loopback only) when the simulator runs in another process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DelayRule, DropRule, FailRule, RequestLogEntry } from './faults';
import type { UcwaSimulator } from './simulator';
import { getString, parseJsonObject, readBody, sendError, sendJson } from './wire';

export class ControlApi {
  constructor(private readonly sim: UcwaSimulator) {}

  /** A scripted contact writes to a user: a new invitation, or a message in the open conversation. */
  injectMessage(input: { from: string; to: string; text: string; html?: string }): boolean {
    const party = this.sim.directory.findScripted(sip(input.from));
    if (party === undefined) throw new Error(`${input.from} is not a scripted contact of the simulator`);
    return this.sim.messaging.startFromScripted(party, sip(input.to), input.text, input.html);
  }

  /** A scripted contact closes its conversation with a user. */
  hangUp(input: { from: string; to: string }): boolean {
    return this.sim.messaging.hangUpScripted(sip(input.from), sip(input.to));
  }

  /** Sets a contact's presence (any string: unknown values test a client's mapping) and notifies subscribers. */
  setPresence(input: { uri: string; availability: string; note?: string; activity?: string; location?: string }): void {
    const state = this.sim.people.presenceOf(sip(input.uri));
    state.availability = input.availability;
    if (input.note !== undefined) state.note = input.note;
    if (input.location !== undefined) state.location = input.location;
    state.activity = input.activity;
    state.lastActive = Date.now();
    this.sim.presenceChanged(sip(input.uri), input.note === undefined ? 'presence' : 'both');
  }

  /** Lets a user's presence subscriptions expire now: extending them answers 404. */
  expireSubscriptions(user: string): number {
    return this.sim.subscriptions.expireAll(this.sim.appsOf(sip(user)));
  }

  /** Makes a contact's photo answer 500. */
  failPhoto(uri: string): void {
    this.sim.failingPhotos.add(sip(uri).toLowerCase());
  }

  expireToken(user: string): number {
    return this.sim.tokens.expireUser(sip(user));
  }

  expireApplication(user: string): number {
    const apps = this.sim.appsOf(sip(user));
    for (const app of apps) this.sim.removeApplication(app, false);
    return apps.length;
  }

  failNext(rule: FailRule): void {
    this.sim.faults.failNext(rule);
  }

  dropNext(rule: DropRule): void {
    this.sim.faults.dropNext(rule);
  }

  /** Cuts the pending event GET of a user's applications, as a proxy or a Wi-Fi drop would. */
  dropEventConnections(user: string): number {
    return this.sim.appsOf(sip(user)).filter((app) => app.channel.dropWaiter()).length;
  }

  /** Makes a user's event links stale: their next GET is answered with `resync`. */
  staleEventLinks(user: string): number {
    const apps = this.sim.appsOf(sip(user));
    for (const app of apps) app.channel.invalidateWindow();
    return apps.length;
  }

  /** The events of a user's next `count` batches (with an event of link rel `rel`) are delivered twice, in two batches. */
  repeatEventBatches(user: string, options: { count?: number; rel?: string } = {}): number {
    const apps = this.sim.appsOf(sip(user));
    for (const app of apps) app.channel.repeatNextBatches(options.count ?? 1, options.rel);
    return apps.length;
  }

  /** Holds the next requests that match (method, path pattern) for `ms`. */
  delayNext(rule: DelayRule): void {
    this.sim.faults.delayNext(rule);
  }

  delay(ms: number, count?: number): void {
    this.sim.faults.setDelay(ms, count);
  }

  clearFaults(): void {
    this.sim.faults.clear();
  }

  requests(): readonly RequestLogEntry[] {
    return this.sim.faults.log;
  }

  resetRequestLog(): void {
    this.sim.faults.log.length = 0;
  }

  stats(): { lostIncoming: number; delivered: number; applications: number } {
    return { ...this.sim.stats, applications: this.sim.options.directory.users.reduce((n, u) => n + this.sim.appsOf(u.uri).length, 0) };
  }
}

function sip(uri: string): string {
  const trimmed = uri.trim();
  return /^sip:/i.test(trimmed) ? trimmed : `sip:${trimmed}`;
}

export async function handleControlRoute(control: ControlApi, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const remote = req.socket.remoteAddress ?? '';
  if (!(remote.startsWith('127.') || remote === '::1' || remote === '::ffff:127.0.0.1')) return sendError(res, 403, undefined, 'The control API is for loopback only.');
  if (req.method === 'GET' && path === '/_sim/requests') return sendJson(res, 200, { requests: control.requests() });
  if (req.method === 'GET' && path === '/_sim/stats') return sendJson(res, 200, control.stats());
  if (req.method !== 'POST') return sendError(res, 405);
  const body = parseJsonObject((await readBody(req)) || '{}');
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
      case '/_sim/hang-up':
        return sendJson(res, 200, { done: control.hangUp({ from: getString(body, 'from') ?? '', to: getString(body, 'to') ?? '' }) });
      case '/_sim/expire-token':
        return sendJson(res, 200, { expired: control.expireToken(getString(body, 'user') ?? '') });
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
