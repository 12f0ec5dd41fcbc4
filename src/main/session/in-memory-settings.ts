// Settings defaults and a SettingsPort kept in memory (tests, the web dev host). The Electron app
// persists the same shape with electron-store.
import type { Settings } from '../../shared/domain';
import type { SettingsPatch, SettingsPort } from './ports';

export const DEFAULT_SETTINGS: Settings = {
  account: { server: '', user: '' },
  rememberMe: false,
  notifications: { enabled: true, sound: true, showMessageText: true, suppressWhenBusy: false },
  autoStart: false,
  startHidden: true,
  acceptChatsAutomatically: true,
  trustedDomains: [],
  language: 'system',
};

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

function defined<T extends object>(patch: T | undefined): Defined<T> {
  return Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== undefined)) as Defined<T>;
}

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const top = defined({ rememberMe: patch.rememberMe, autoStart: patch.autoStart, startHidden: patch.startHidden, acceptChatsAutomatically: patch.acceptChatsAutomatically, language: patch.language });
  return {
    ...current,
    ...top,
    ...(patch.trustedDomains === undefined ? {} : { trustedDomains: [...new Set(patch.trustedDomains)] }),
    account: { ...current.account, ...defined(patch.account) },
    notifications: { ...current.notifications, ...defined(patch.notifications) },
  };
}

export class InMemorySettings implements SettingsPort {
  private value: Settings;

  constructor(initial: Settings = DEFAULT_SETTINGS) {
    this.value = initial;
  }

  get(): Settings {
    return this.value;
  }

  update(patch: SettingsPatch): Settings {
    this.value = applySettingsPatch(this.value, patch);
    return this.value;
  }
}
