// Events that arrive while the session is still signing in — my presence and note changed on the
// server between the fetch and the end of sign-in — are applied, not dropped with "Sign in first."
import { describe, expect, it } from 'vitest';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { LogSink, PresenceInfo, UcwaClientOptions } from '../../../src/main/ucwa/index';
import { startSim } from '../../support/simulator';

/**
 * A real client whose sign-in fetches come back stale: right after reading my presence (and my
 * note) from the server, that changes — as another device of mine would change it — and the
 * server's event about it is delivered before sign-in is over.
 */
class RacingClient extends UcwaClient {
  override async getMyPresence(): Promise<PresenceInfo> {
    const stale = await super.getMyPresence();
    const event = this.waitFor('myPresenceChanged', (e) => e.presence.availability === 'Busy', 5_000);
    await this.setMyPresence('Busy');
    await event;
    return stale;
  }

  override async getMyNote(): Promise<string> {
    const stale = await super.getMyNote();
    const event = this.waitFor('myNoteChanged', (e) => e.note === 'In a workshop until 3', 5_000);
    await this.setMyNote('In a workshop until 3');
    await event;
    return stale;
  }
}

describe('events during sign-in', () => {
  it('my presence and note changed while signing in are what the session shows afterwards', async () => {
    const sim = await startSim({ mediumPriorityMs: 20 });
    const logs: string[] = [];
    const logSink: LogSink = (level, scope, message, fields) => logs.push(`${level} ${scope} ${message} ${JSON.stringify(fields ?? {})}`);
    const pushes: string[] = [];
    const service = new SessionService({
      createClient: (o: Pick<UcwaClientOptions, 'server' | 'user' | 'password'>) => new RacingClient({ ...o, endpointId: 'racing-ana', logSink }),
      settings: new InMemorySettings(),
      vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
      windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
      notify: { incomingMessage: () => undefined },
      demo: { start: async () => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo' }) },
      push: (name) => pushes.push(name),
    });
    const me = await service.handlers().signInDemo({}, { windowId: 1 });
    expect(me.presence).toMatchObject({ availability: 'Busy', note: 'In a workshop until 3' });
    expect(service.snapshot().me?.presence).toMatchObject({ availability: 'Busy', note: 'In a workshop until 3' });
    expect(logs.filter((l) => /listener failed|Sign in first/.test(l))).toEqual([]);
    await service.signOut();
  });
});
