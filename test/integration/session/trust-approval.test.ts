// A server outside the sign-in domain: sign-in stops naming it, the user's yes is remembered in the
// settings, and later sign-ins go there without asking again.
import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../src/shared/ipc-failure';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { startSim } from '../../support/simulator';

describe('approving a server', () => {
  it('asks once, remembers the answer, and never sends the password before it', async () => {
    const sim = await startSim();
    const settings = new InMemorySettings();
    const service = new SessionService({
      createClient: (o) => new UcwaClient({ ...o, endpointId: 'trust-approval', backoffBaseMs: 50 }),
      settings,
      vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
      windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
      notify: { incomingMessage: () => undefined },
      demo: { start: () => Promise.reject(new Error('no demo')) },
      push: () => undefined,
    });
    const handlers = service.handlers();
    // Typed as localhost; the simulator's links name 127.0.0.1.
    const server = sim.url.replace('127.0.0.1', 'localhost');
    const input = { server, user: 'ana@contoso.com', password: 'demo', rememberMe: false };
    const refused: unknown = await handlers.signIn(input, { windowId: 1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IpcFailure);
    expect(refused).toMatchObject({ code: 'untrusted-server', host: '127.0.0.1' });
    expect(sim.control.requests().some((r) => r.path.toLowerCase().includes('oauthtoken'))).toBe(false);

    await handlers.signIn({ ...input, trustHost: '127.0.0.1' }, { windowId: 1 });
    expect(settings.get().trustedDomains).toEqual(['127.0.0.1']);
    await service.signOut();
    const again = await handlers.signIn(input, { windowId: 1 });
    expect(again.uri).toBe('sip:ana@contoso.com');
    await service.signOut();
  });
});
