// Settings on disk: a typed schema with defaults and named migrations. What is read from disk is
// untrusted: anything that does not parse falls back to the defaults and is reported, never thrown.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SIGN_IN_METHODS } from '../../shared/domain';
import type { Settings } from '../../shared/domain';
import { LANGUAGE_SETTINGS } from '../../shared/i18n/locales';
import { DEFAULT_SETTINGS, applySettingsPatch } from '../session/in-memory-settings';
import type { SettingsPatch, SettingsPort } from '../session/ports';
import type { CatalogText } from '../../shared/catalog-text';

/** electron-store's surface that we use; tests pass a Map-backed one. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const settingsSchema = z.object({
  account: z.object({ server: z.string().max(2048), user: z.string().max(256), method: z.enum(SIGN_IN_METHODS).optional() }),
  rememberMe: z.boolean(),
  notifications: z.object({ enabled: z.boolean(), sound: z.boolean(), showMessageText: z.boolean(), suppressWhenBusy: z.boolean() }),
  autoStart: z.boolean(),
  startHidden: z.boolean(),
  acceptChatsAutomatically: z.boolean(),
  trustedDomains: z.array(z.string().max(253)).max(50),
  language: z.enum(LANGUAGE_SETTINGS),
});

export interface Migration {
  readonly version: number;
  readonly name: string;
  migrate(old: Record<string, unknown>): Record<string, unknown>;
}

/** Each step names what it changes; the stored version says which have run. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'flat notification flags become a notifications object',
    migrate: (old) => {
      const { notificationsEnabled, notificationSound, ...rest } = old;
      if (notificationsEnabled === undefined && notificationSound === undefined) return old;
      const current = typeof rest.notifications === 'object' && rest.notifications !== null ? (rest.notifications as Record<string, unknown>) : {};
      return { ...rest, notifications: { ...DEFAULT_SETTINGS.notifications, ...current, ...(typeof notificationsEnabled === 'boolean' ? { enabled: notificationsEnabled } : {}), ...(typeof notificationSound === 'boolean' ? { sound: notificationSound } : {}) } };
    },
  },
];
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export class PersistentSettings implements SettingsPort {
  private value: Settings;

  constructor(
    private readonly store: KeyValueStore,
    /** Called before the defaults replace what was read, so the file can still be kept aside. */
    report: (problem: string, field: string | undefined) => void,
    private readonly noticeOf: () => readonly CatalogText[] | undefined = () => undefined,
  ) {
    this.value = this.load(report);
  }

  notice(): readonly CatalogText[] | undefined {
    return this.noticeOf();
  }

  get(): Settings {
    return this.value;
  }

  update(patch: SettingsPatch): Settings {
    this.value = applySettingsPatch(this.value, patch);
    this.store.set('settings', this.value);
    return this.value;
  }

  /** Stable per installation (protocol §3.1), created on first use. */
  endpointId(): string {
    const existing = this.store.get('endpointId');
    if (typeof existing === 'string' && /^[0-9a-f-]{36}$/i.test(existing)) return existing;
    const id = randomUUID();
    this.store.set('endpointId', id);
    return id;
  }

  private load(report: (problem: string, field: string | undefined) => void): Settings {
    const raw = this.store.get('settings');
    if (raw === undefined) return DEFAULT_SETTINGS;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      report('The settings file was not an object; defaults are used.', undefined);
      return this.reset();
    }
    const storedVersion = this.store.get('schemaVersion');
    let data = raw as Record<string, unknown>;
    for (const migration of MIGRATIONS) {
      if (typeof storedVersion === 'number' && storedVersion >= migration.version) continue;
      data = migration.migrate(data);
    }
    // Fill what is missing from the defaults, then check the whole shape.
    const merged = applySettingsPatch(DEFAULT_SETTINGS, data as SettingsPatch);
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? 'settings';
      report(`Some settings were unreadable (${field}); defaults are used.`, field);
      return this.reset();
    }
    this.store.set('settings', parsed.data);
    this.store.set('schemaVersion', SCHEMA_VERSION);
    return parsed.data;
  }

  private reset(): Settings {
    this.store.set('settings', DEFAULT_SETTINGS);
    this.store.set('schemaVersion', SCHEMA_VERSION);
    return DEFAULT_SETTINGS;
  }
}
