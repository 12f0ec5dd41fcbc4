// What a new user starts with. The defaults are a table built when the module loads, which a
// mutation run cannot judge (docs/mutation-survivors.md), so each one is pinned here with why.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, InMemorySettings } from '../../../src/main/session/in-memory-settings';

describe('a new user’s settings', () => {
  const settings = new InMemorySettings().get();

  it('are the defaults the settings file starts from', () => {
    expect(settings).toBe(DEFAULT_SETTINGS);
  });

  it('know no account yet and remember no password until asked to', () => {
    expect(settings.account).toEqual({ server: '', user: '' });
    expect(settings.rememberMe).toBe(false);
  });

  it('notify with sound and the message text, also while busy (the user turns each off)', () => {
    expect(settings.notifications).toEqual({ enabled: true, sound: true, showMessageText: true, suppressWhenBusy: false });
  });

  it('do not start at login until the user says so, and start hidden in the tray when they do', () => {
    expect([settings.autoStart, settings.startHidden]).toEqual([false, true]);
  });

  it('accept chats without asking, trust no domain beyond the sign-in address’s, follow the system language', () => {
    expect(settings.acceptChatsAutomatically).toBe(true);
    expect(settings.trustedDomains).toEqual([]);
    expect(settings.language).toBe('system');
  });
});
