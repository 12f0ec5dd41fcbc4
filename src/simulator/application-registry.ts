// The server's applications (protocol §3) and the limits that keep a long-running simulator small:
// when a user, or the whole server, holds as many applications as allowed, the least recently used
// idle one (no pending GET) makes room; when every one is busy, creation is refused (§3.1 lists
// TooManyApplications).
import type { SimApplication } from './application';
import type { SimUser } from './directory';

export interface ApplicationLimits {
  readonly perUser: number;
  readonly total: number;
}

export type Room = { readonly ok: true; readonly evict: readonly SimApplication[] } | { readonly ok: false; readonly status: number; readonly subcode: string; readonly message: string };

function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class ApplicationRegistry {
  private readonly apps = new Map<string, SimApplication>();

  constructor(private readonly limits: ApplicationLimits) {}

  get size(): number {
    return this.apps.size;
  }

  get(id: string): SimApplication | undefined {
    return this.apps.get(id);
  }

  all(): SimApplication[] {
    return [...this.apps.values()];
  }

  ofUser(uri: string): SimApplication[] {
    const key = uri.toLowerCase().startsWith('sip:') ? uri : `sip:${uri}`;
    return this.all().filter((a) => sameUser(a.user.uri, key));
  }

  add(app: SimApplication): void {
    this.apps.set(app.id, app);
  }

  delete(id: string): void {
    this.apps.delete(id);
  }

  /** What must go before `user` may hold one more application; `leaving` are removed anyway. */
  roomFor(user: SimUser, leaving: readonly SimApplication[]): Room {
    const live = this.all().filter((a) => !leaving.includes(a));
    const evict: SimApplication[] = [];
    const oldestIdle = (among: readonly SimApplication[]): SimApplication | undefined =>
      among.filter((a) => !a.channel.hasWaiter && !evict.includes(a)).sort((a, b) => a.lastRequestAt - b.lastRequestAt)[0];
    const mine = live.filter((a) => sameUser(a.user.uri, user.uri));
    if (mine.length >= this.limits.perUser) {
      const victim = oldestIdle(mine);
      if (victim === undefined) return { ok: false, status: 403, subcode: 'TooManyApplications', message: `At most ${this.limits.perUser} applications per user, all of them in use.` };
      evict.push(victim);
    }
    if (live.length - evict.length >= this.limits.total) {
      const victim = oldestIdle(live);
      if (victim === undefined) return { ok: false, status: 503, subcode: 'TooManyApplications', message: 'The server holds as many applications as it can, all of them in use.' };
      evict.push(victim);
    }
    return { ok: true, evict };
  }
}
