// Issue #14: the sign-in method chosen on the sign-in page reaches the client (here Windows sign-in
// with the CLI's NTLMv2 fetcher standing in for Chromium's), no password is stored for it, and the
// choice is remembered with the account.
import { describe, expect, it } from 'vitest';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { ntlmTokenFetcher, windowsAccount } from '../../../src/cli/ntlm-token-fetcher';
import { startSim } from '../../support/simulator';

describe('sign-in method through the session', () => {
  it('windows: the client gets the method and a fetcher; nothing goes to the vault; the choice is remembered', async () => {
    const sim = await startSim();
    const methods: (string | undefined)[] = [];
    const saved: string[] = [];
    const settings = new InMemorySettings();
    const service = new SessionService({
      createClient: (o) => {
        methods.push(o.signInMethod);
        const fetcher = o.signInMethod === 'windows' ? ntlmTokenFetcher(windowsAccount(o.user, 'demo'), { ca: undefined, systemStore: 'off', caFiles: [] }) : undefined;
        return new UcwaClient({ ...o, endpointId: `method-${o.user}`, ...(fetcher === undefined ? {} : { tokenFetcher: fetcher }) });
      },
      settings,
      vault: { canRemember: () => true, save: (_a, p) => (saved.push(p), true), load: () => undefined, clear: () => undefined },
      windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
      notify: { incomingMessage: () => undefined },
      demo: { start: async () => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo' }) },
      push: () => undefined,
    });
    const me = await service.signIn({ server: sim.url, user: 'ana@contoso.com', password: '', rememberMe: true, method: 'windows' });
    expect(me.uri).toBe('sip:ana@contoso.com');
    expect(methods).toEqual(['windows']);
    expect(sim.windowsSignIn.verified).toBe(1);
    expect(saved).toEqual([]);
    expect(settings.get().account).toEqual({ server: sim.url, user: 'ana@contoso.com', method: 'windows' });
    await service.signOut();
  });
});
