// The session without windows (`ucwa-tray listen`, the soak run): nothing to remember a password
// in, nobody to leave a chat unread for, and the history and reconnect timings it is given.
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { headlessSession } from '../../../src/main/session/headless-session';
import type { HeadlessOptions } from '../../../src/main/session/headless-session';
import type { HistoryPort } from '../../../src/main/session/ports';
import { UcwaError } from '../../../src/main/ucwa/index';
import { scriptedClients } from './support/scripted-session';
import type { ScriptedSession } from './support/scripted-session';

function headless(prepare: (client: ScriptedSession, index: number) => void = () => undefined, options: Partial<HeadlessOptions> = {}) {
  const { clients, createClient } = scriptedClients(prepare);
  /** `at`: when it was pushed, so an announced retry time can be read as a wait. */
  const pushes: { name: EventName; payload: unknown; at: number }[] = [];
  const session = headlessSession({
    createClient,
    push: (name, payload) => pushes.push({ name, payload, at: Date.now() }),
    ...options,
  });
  return { session, clients, pushes };
}

const signIn = { user: 'ana@contoso.com', password: 'x', rememberMe: true };

describe('headlessSession', () => {
  it('offers no "remember me": there is nowhere to keep a password', () => {
    expect(headless().session.snapshot().canRememberPassword).toBe(false);
  });

  it('counts no message unread: nobody reads these chats in a window', async () => {
    const { session, clients, pushes } = headless();
    await session.signIn(signIn);
    clients[0]?.fire({ type: 'messageReceived', conversationId: 'c1', messageId: 'm1', from: { uri: 'sip:ben@contoso.com', name: 'Ben Ode' }, time: new Date(1_000), text: 'Hi' });
    expect(pushes.filter((p) => p.name === 'messageAdded')).toHaveLength(1);
    expect(pushes.filter((p) => p.name === 'unreadChanged').map((p) => p.payload)).toEqual([expect.objectContaining({ unread: 0, total: 0 })]);
    expect(session.snapshot().unreadTotal).toBe(0);
  });

  it('keeps history where it is told to, per account', async () => {
    const opened: string[] = [];
    const history: HistoryPort = {
      save: async () => undefined,
      onUnsaved: () => () => undefined,
      flush: async () => 0,
      page: async () => ({ messages: [] }),
      find: async () => undefined,
      conversationIds: async () => [],
      search: async () => [],
    };
    const { session } = headless(undefined, {
      openHistory: (account) => {
        opened.push(account);
        return history;
      },
    });
    await session.signIn(signIn);
    expect(opened).toEqual(['ana@contoso.com']);
  });

  it('waits between attempts to rebuild a lost session as long as it is told, up to its cap', async () => {
    const unreachable = (): never => {
      throw new UcwaError('unreachable', 'No route.');
    };
    const { session, clients, pushes } = headless((c, i) => {
      if (i >= 1 && i <= 4) c.signInOutcome = unreachable;
    }, { reconnectBaseMs: 10, reconnectMaxMs: 25 });
    await session.signIn(signIn);
    clients[0]?.fire({ type: 'applicationLost', reason: 'It expired.', gone: false });
    await vi.waitFor(() => expect(session.snapshot().connection.state).toBe('connected'), { timeout: 3_000 });
    const waits = pushes.flatMap((p) => {
      const info = p.payload as ConnectionInfo;
      return p.name === 'connectionChanged' && info.state === 'reconnecting' && info.nextAttemptAt !== undefined ? [info.nextAttemptAt - p.at] : [];
    });
    // Each failed attempt is followed by a wait, doubling from 5–10 ms and never above the 25 ms cap
    // (with the default base the first would be 13–25 ms; without the cap the fourth 40–80 ms).
    expect(waits).toHaveLength(4);
    expect(waits[0]).toBeLessThanOrEqual(10);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(4);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(25);
  });
});
