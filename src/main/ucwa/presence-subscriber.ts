// Presence subscriptions kept alive (protocol §7.3, §10.19): created in chunks the server accepts,
// extended before they expire (on a timer and on the server's warning), re-created after a 404 or
// a new application, and deleted on sign-out.
import type { AuthenticatedHttp } from './authenticated-http';
import { isUcwaError } from './errors';
import type { Logger } from './logger';
import type { Resource } from './resource';

export interface SubscriberOptions {
  readonly durationMinutes: number;
  readonly extendEveryMs: number;
  readonly chunkSize: number;
}

interface Subscription {
  url: URL;
  readonly uris: string[];
  timer: NodeJS.Timeout | undefined;
}

export class PresenceSubscriber {
  private readonly subscriptions: Subscription[] = [];
  extensions = 0;
  recreations = 0;

  constructor(
    private readonly http: AuthenticatedHttp,
    private readonly people: () => Resource | undefined,
    private readonly options: SubscriberOptions,
    private readonly logger: Logger,
  ) {}

  subscribedUris(): string[] {
    return this.subscriptions.flatMap((s) => s.uris);
  }

  /** Subscribes the addresses not yet subscribed, at most `chunkSize` per request. */
  async subscribe(uris: readonly string[]): Promise<void> {
    const known = new Set(this.subscribedUris().map((u) => u.toLowerCase()));
    const fresh = [...new Set(uris.map((u) => u.trim()).filter((u) => u !== '' && !known.has(u.toLowerCase())))];
    for (let i = 0; i < fresh.length; i += this.options.chunkSize) {
      const chunk = fresh.slice(i, i + this.options.chunkSize);
      const url = await this.create(chunk);
      const sub: Subscription = { url, uris: chunk, timer: undefined };
      this.subscriptions.push(sub);
      this.schedule(sub);
    }
  }

  /** The server's `presenceSubscription updated` warning: extend that one now. */
  async onExpiryWarning(url: URL): Promise<void> {
    const sub = this.subscriptions.find((s) => s.url.pathname === url.pathname);
    if (sub !== undefined) await this.extend(sub);
  }

  /** After a resume or a new application every subscription is gone: create them again. */
  async recreateAll(): Promise<void> {
    const uris = this.subscribedUris();
    this.clear();
    await this.subscribe(uris);
  }

  /** After a resync: extend each subscription now; one the server forgot is re-created. */
  async refreshAll(): Promise<void> {
    await Promise.all([...this.subscriptions].map((sub) => this.extend(sub)));
  }

  async unsubscribeAll(): Promise<void> {
    const subs = [...this.subscriptions];
    this.clear();
    await Promise.all(subs.map((s) => this.http.send({ method: 'DELETE', url: s.url, headers: { Accept: 'application/json' }, timeoutMs: 5_000 }).catch(() => undefined)));
  }

  clear(): void {
    for (const sub of this.subscriptions) if (sub.timer !== undefined) clearTimeout(sub.timer);
    this.subscriptions.length = 0;
  }

  private async create(uris: readonly string[]): Promise<URL> {
    const link = this.people()?.link('presenceSubscriptions');
    if (link === undefined) throw new Error('The server offers no presence subscriptions.');
    const res = await this.http.postJson(link.url, { duration: this.options.durationMinutes, uris });
    const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
    let href = location;
    if (href === undefined) {
      try {
        href = (JSON.parse(res.text) as { _links?: { self?: { href?: string } } })._links?.self?.href;
      } catch {
        href = undefined;
      }
    }
    if (href === undefined) throw new Error('The server created a subscription but did not say where.');
    return new URL(href, res.url);
  }

  private schedule(sub: Subscription): void {
    if (sub.timer !== undefined) clearTimeout(sub.timer);
    sub.timer = setTimeout(() => void this.extend(sub), this.options.extendEveryMs);
    sub.timer.unref();
  }

  private async extend(sub: Subscription): Promise<void> {
    if (!this.subscriptions.includes(sub)) return;
    const url = new URL(sub.url);
    url.searchParams.set('duration', String(this.options.durationMinutes));
    try {
      await this.http.send({ method: 'POST', url, headers: { Accept: 'application/json', 'Content-Length': '0' }, body: '' });
      this.extensions++;
    } catch (error) {
      // An expired subscription answers 404 (its body may even say ApplicationNotFound): re-create it.
      if (!(isUcwaError(error, 'not-found', 'application-gone') && this.subscriptions.includes(sub))) {
        this.logger.warn('could not extend a presence subscription', { reason: error instanceof Error ? error.message : String(error) });
        this.schedule(sub);
        return;
      }
      try {
        sub.url = await this.create(sub.uris);
        this.recreations++;
      } catch (recreateError) {
        this.logger.warn('could not re-create a presence subscription', { reason: recreateError instanceof Error ? recreateError.message : String(recreateError) });
      }
    }
    this.schedule(sub);
  }
}
