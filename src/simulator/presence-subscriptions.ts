// Presence subscriptions (protocol §7.3): durations of 10–30 minutes, extension, an expiry warning,
// 404 once expired, and link-only contactPresence events aggregated at medium priority.
import type { SimApplication } from './application';
import { newId } from './im-session';
import { userPart } from './conversation-view';

export interface Subscription {
  readonly id: string;
  readonly app: SimApplication;
  readonly uris: Set<string>;
  expiresAt: number;
  durationMinutes: number;
  warn?: NodeJS.Timeout;
  expire?: NodeJS.Timeout;
}

/** What changed about a person, so subscribers get the matching events (§5.4, §7.3). */
export type PresenceChange = 'presence' | 'note' | 'both';

export class PresenceSubscriptions {
  private readonly subscriptions = new Map<string, Subscription>();

  /** `minuteMs` shortens a "minute" for tests; the protocol's minute is 60 000 ms. */
  constructor(private readonly minuteMs: number) {}

  href(sub: Subscription): string {
    return `${sub.app.base}/people/presenceSubscriptions/${sub.id}`;
  }

  get(app: SimApplication, id: string): Subscription | undefined {
    const sub = this.subscriptions.get(id);
    return sub?.app === app ? sub : undefined;
  }

  create(app: SimApplication, uris: readonly string[], durationMinutes: number): Subscription {
    const sub: Subscription = { id: newId(), app, uris: new Set(uris.map((u) => u.toLowerCase())), expiresAt: 0, durationMinutes };
    this.subscriptions.set(sub.id, sub);
    this.schedule(sub, durationMinutes);
    app.emit('people', { link: { rel: 'presenceSubscription', href: this.href(sub) }, type: 'added', _embedded: { presenceSubscription: this.render(sub) } }, { priority: 'medium' });
    for (const uri of sub.uris) {
      app.emit('people', { link: { rel: 'contact', href: contactHref(app, uri) }, in: { rel: 'subscribedContacts', href: `${app.base}/people/subscribedContacts` }, type: 'added' }, { priority: 'medium' });
      this.presenceEvent(app, uri);
    }
    return sub;
  }

  /** Adds to the remaining time, capped at 30 minutes (§7.3). */
  extend(sub: Subscription, minutes: number): void {
    const remaining = Math.max(0, sub.expiresAt - Date.now());
    this.schedule(sub, Math.min(30, remaining / this.minuteMs + minutes));
  }

  add(sub: Subscription, uris: readonly string[]): void {
    for (const uri of uris) {
      const key = uri.toLowerCase();
      if (sub.uris.has(key)) continue;
      sub.uris.add(key);
      this.presenceEvent(sub.app, key);
    }
  }

  delete(sub: Subscription, notify: boolean): void {
    this.clearTimers(sub);
    this.subscriptions.delete(sub.id);
    if (!notify) return;
    for (const uri of sub.uris) sub.app.emit('people', { link: { rel: 'contact', href: contactHref(sub.app, uri) }, in: { rel: 'subscribedContacts', href: `${sub.app.base}/people/subscribedContacts` }, type: 'deleted' }, { priority: 'medium' });
    sub.app.emit('people', { link: { rel: 'presenceSubscription', href: this.href(sub) }, type: 'deleted' }, { priority: 'medium' });
  }

  /** Ends a user's subscriptions silently, as expiry does (fault injection). */
  expireAll(apps: readonly SimApplication[]): number {
    let count = 0;
    for (const sub of [...this.subscriptions.values()]) {
      if (!apps.includes(sub.app)) continue;
      this.delete(sub, false);
      count++;
    }
    return count;
  }

  /** Subscriptions die with their application and after a resume (§7.3). */
  dropApplication(app: SimApplication): void {
    for (const sub of [...this.subscriptions.values()]) if (sub.app === app) this.delete(sub, false);
  }

  /** Someone's presence or note changed: tell every subscriber, link only (contactPresence / contactNote updated). */
  changed(uri: string, what: PresenceChange = 'presence'): void {
    const key = uri.toLowerCase();
    const told = new Set<SimApplication>();
    for (const sub of this.subscriptions.values()) {
      if (!sub.uris.has(key) || told.has(sub.app)) continue;
      told.add(sub.app);
      if (what !== 'note') this.presenceEvent(sub.app, key);
      if (what !== 'presence') this.noteEvent(sub.app, key);
    }
  }

  render(sub: Subscription): Record<string, unknown> {
    const self = this.href(sub);
    return { id: sub.id, _links: { self: { href: self }, memberships: { href: `${self}/memberships` }, addToPresenceSubscription: { href: `${self}/memberships` } }, rel: 'presenceSubscription' };
  }

  subscribedUris(app: SimApplication): string[] {
    const out = new Set<string>();
    for (const sub of this.subscriptions.values()) if (sub.app === app) for (const uri of sub.uris) out.add(uri);
    return [...out];
  }

  private presenceEvent(app: SimApplication, uri: string): void {
    app.emit('people', { link: { rel: 'contactPresence', href: `${contactHref(app, uri)}/presence` }, in: { rel: 'contact', href: contactHref(app, uri) }, type: 'updated' }, { priority: 'medium' });
  }

  private noteEvent(app: SimApplication, uri: string): void {
    app.emit('people', { link: { rel: 'contactNote', href: `${contactHref(app, uri)}/note` }, in: { rel: 'contact', href: contactHref(app, uri) }, type: 'updated' }, { priority: 'medium' });
  }

  private schedule(sub: Subscription, minutes: number): void {
    this.clearTimers(sub);
    const lifetime = minutes * this.minuteMs;
    sub.durationMinutes = minutes;
    sub.expiresAt = Date.now() + lifetime;
    // The server warns shortly before expiry with an updated event (§7.3).
    sub.warn = setTimeout(() => sub.app.emit('people', { link: { rel: 'presenceSubscription', href: this.href(sub) }, type: 'updated', _embedded: { presenceSubscription: this.render(sub) } }, { priority: 'medium' }), lifetime * 0.8);
    sub.expire = setTimeout(() => {
      this.clearTimers(sub);
      this.subscriptions.delete(sub.id);
    }, lifetime);
    sub.warn.unref();
    sub.expire.unref();
  }

  private clearTimers(sub: Subscription): void {
    if (sub.warn !== undefined) clearTimeout(sub.warn);
    if (sub.expire !== undefined) clearTimeout(sub.expire);
  }
}

export function contactHref(app: SimApplication, uri: string): string {
  return `${app.base}/people/${userPart(uri)}`;
}
