// The language every page shows: the setting resolved against the OS's preferred languages, in the
// snapshot, and pushed to every page when the setting changes; bad input is refused by the contract.
import { describe, expect, it } from 'vitest';
import { invokeContract } from '../../../src/shared/ipc-contract';
import type { EventName } from '../../../src/shared/ipc-contract';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';

function service(osLanguages: readonly string[] | undefined) {
  const pushes: { name: EventName; payload: unknown }[] = [];
  const session = new SessionService({
    createClient: (o) => new UcwaClient({ ...o, endpointId: 'language' }),
    settings: new InMemorySettings(),
    vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
    windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: () => undefined },
    demo: { start: async () => ({ server: 'https://demo', user: 'demo@contoso.com', password: 'demo' }) },
    push: (name, payload) => pushes.push({ name, payload }),
    ...(osLanguages === undefined ? {} : { preferredLanguages: () => osLanguages }),
  });
  return { session, pushes };
}

describe('the app language', () => {
  it('follows the OS by default: German on a German system, English where the OS says nothing', () => {
    expect(service(['de-DE', 'en-US']).session.snapshot()).toMatchObject({ settings: { language: 'system' }, locale: 'de' });
    expect(service(undefined).session.snapshot().locale).toBe('en');
  });

  it('a changed setting is pushed to every page as the locale it resolves to', async () => {
    const { session, pushes } = service(['de-AT']);
    await session.handlers().updateSettings({ language: 'en' }, { windowId: 1 });
    expect(session.snapshot().locale).toBe('en');
    await session.handlers().updateSettings({ language: 'system' }, { windowId: 1 });
    expect(pushes.filter((p) => p.name === 'localeChanged').map((p) => p.payload)).toEqual([{ locale: 'en' }, { locale: 'de' }]);
  });

  it('the contract refuses a language the app does not have', () => {
    expect(invokeContract.updateSettings.input.safeParse({ language: 'fr' }).success).toBe(false);
    expect(invokeContract.updateSettings.input.safeParse({ language: 'en-XA' }).success).toBe(true);
  });
});
