import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, InMemorySettings, applySettingsPatch } from '../../../src/main/session/in-memory-settings';

describe('settings patches', () => {
  it('change only what is given; undefined keeps the old value', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { autoStart: true, notifications: { sound: false, enabled: undefined } });
    expect(next.autoStart).toBe(true);
    expect(next.notifications).toEqual({ ...DEFAULT_SETTINGS.notifications, sound: false });
    expect(next.account).toEqual(DEFAULT_SETTINGS.account);
    const store = new InMemorySettings();
    store.update({ account: { user: 'ana@contoso.com' } });
    expect(store.get().account).toEqual({ server: '', user: 'ana@contoso.com' });
  });
});
