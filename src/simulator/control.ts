// The control API tests use to drive the simulator: programmatically (`sim.control`) or over HTTP
// under /_sim/ (control-routes.ts) when the simulator runs in another process.
import type { DelayRule, DropRule, FailRule } from './faults';
import type { RequestLogEntry } from './request-log';
import type { UcwaSimulator } from './simulator';

export class ControlApi {
  constructor(private readonly sim: UcwaSimulator) {}

  /** A scripted contact writes to a user: a new invitation, or a message in the open conversation. */
  injectMessage(input: { from: string; to: string; text: string; html?: string }): boolean {
    const party = this.sim.directory.findScripted(sip(input.from));
    if (party === undefined) throw new Error(`${input.from} is not a scripted contact of the simulator`);
    return this.sim.messaging.startFromScripted(party, sip(input.to), input.text, input.html);
  }

  /**
   * Scripted contacts hold a group chat and invite a user (an onlineMeetingInvitation, §6.5):
   * `from` invites, `others` are in it already. False when the user is not signed in.
   */
  groupInvite(input: { from: string; to: string; others?: readonly string[]; subject?: string }): boolean {
    const parties = [input.from, ...(input.others ?? [])].map((uri) => {
      const party = this.sim.directory.findScripted(sip(uri));
      if (party === undefined) throw new Error(`${uri} is not a scripted contact of the simulator`);
      return party;
    });
    return this.sim.messaging.groupFromScripted(parties, sip(input.to), input.subject ?? '');
  }

  /** A scripted contact joins the latest group chat a user is in. */
  joinGroup(input: { who: string; to: string }): boolean {
    const party = this.sim.directory.findScripted(sip(input.who));
    if (party === undefined) throw new Error(`${input.who} is not a scripted contact of the simulator`);
    return this.sim.messaging.joinFromScripted(party, sip(input.to));
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

  /**
   * The server ends a user's conversations, as it does with idle peer-to-peer ones (§6.7, §10.21):
   * each is deleted for that user, and the other side sees them leave. Returns how many.
   */
  endConversations(user: string): number {
    let ended = 0;
    for (const app of this.sim.appsOf(sip(user))) {
      for (const conv of [...app.conversations.values()]) {
        this.sim.messaging.leave(conv, true);
        ended++;
      }
    }
    return ended;
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

  /** The latest requests, oldest first (at most `requestLogLimit` of them). */
  requests(): readonly RequestLogEntry[] {
    return this.sim.requestLog.toArray();
  }

  resetRequestLog(): void {
    this.sim.requestLog.clear();
  }

  stats(): { lostIncoming: number; delivered: number; applications: number; tokens: number; requestsLogged: number; profile: string; seed: number } {
    return { ...this.sim.stats, applications: this.sim.applicationCount, tokens: this.sim.tokens.size, requestsLogged: this.sim.requestLog.total, profile: this.sim.profile, seed: this.sim.seed };
  }
}

export function sip(uri: string): string {
  const trimmed = uri.trim();
  return /^sip:/i.test(trimmed) ? trimmed : `sip:${trimmed}`;
}
