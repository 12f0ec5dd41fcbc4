// The app always starts, whatever is in its settings file. A file that cannot be read, is not
// JSON (truncated by a crash, binary garbage) or does not hold settings is moved aside as
// `<name>.corrupt-<time>.json`, the defaults are used, and the user is told once why. Where the
// store cannot even be opened or written (a read-only profile), settings live in memory for the
// session, and the user is told that too.
import { copyFileSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PersistentSettings } from './settings-store';
import type { KeyValueStore } from './settings-store';
import { said, wordAll, type CatalogText } from '../../shared/catalog-text';
import { translatorFor } from '../../shared/i18n/translator';

export interface SettingsFileOptions {
  /** The settings file electron-store uses (`<userData>/<name>.json`). */
  readonly file: string;
  /** Opens the real store (electron-store); may throw on a file it cannot parse. */
  readonly open: () => KeyValueStore;
  readonly now?: () => Date;
  readonly log?: (problem: string) => void;
}

/** An error's code (EACCES, …), else its message: for logs and the notice. */
function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : error instanceof Error ? error.message : String(error);
}

/** Why the file cannot be used, or `undefined` when it is fine (or absent: first start). */
export function settingsFileProblem(file: string): CatalogText | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' ? undefined : said('settings.recovery.unreadable', { code });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return said('settings.recovery.damaged');
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? undefined : said('settings.recovery.notSettings');
}

export class SettingsFileRecovery {
  private problem: CatalogText | undefined;
  private movedTo: string | undefined;
  private unsaved: CatalogText | undefined;
  private readonly now: () => Date;
  readonly store: KeyValueStore;

  constructor(private readonly options: SettingsFileOptions) {
    this.now = options.now ?? (() => new Date());
    const problem = settingsFileProblem(options.file);
    if (problem !== undefined) this.setAside(problem, 'move');
    this.store = this.guard(this.openStore());
  }

  /** What to tell the user, once per start: absent when the settings file was fine. */
  notice(): readonly CatalogText[] | undefined {
    const parts: CatalogText[] = [];
    if (this.problem !== undefined) {
      parts.push(said('settings.recovery.reset'), this.problem);
      if (this.movedTo !== undefined) parts.push(said('settings.recovery.keptAs', { file: basename(this.movedTo) }));
    }
    if (this.unsaved !== undefined) parts.push(this.unsaved, said('settings.recovery.cannotSave'));
    return parts.length === 0 ? undefined : parts;
  }

  /**
   * The file parsed but its settings did not (a wrong type, an unknown shape): keep a copy of it
   * before the defaults overwrite it. The store keeps using the file, so it is copied, not moved.
   */
  settingsUnreadable(field: string | undefined): void {
    this.setAside(field === undefined ? said('settings.recovery.notSettings') : said('settings.recovery.someUnreadable', { field }), 'copy');
  }

  private openStore(): KeyValueStore {
    try {
      return this.options.open();
    } catch (error) {
      // A problem the check above did not see (electron-store's own validation, a race).
      if (this.problem === undefined) this.setAside(said('settings.recovery.openFailed', { code: codeOf(error) }), 'move');
      try {
        return this.options.open();
      } catch (again) {
        this.unsaved = this.movedTo === undefined ? said('settings.recovery.notMoved') : said('settings.recovery.stillFailed', { code: codeOf(again) });
        this.options.log?.(wordAll(translatorFor('en').t, this.unsaved));
        return memoryStore();
      }
    }
  }

  private setAside(problem: CatalogText, how: 'move' | 'copy'): void {
    this.problem = problem;
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const target = join(dirname(this.options.file), `${basename(this.options.file, '.json')}.corrupt-${stamp}.json`);
    try {
      if (how === 'move') renameSync(this.options.file, target);
      else copyFileSync(this.options.file, target);
      this.movedTo = target;
    } catch (error) {
      this.options.log?.(`the damaged settings file could not be kept aside: ${codeOf(error)}`);
    }
    this.options.log?.(`settings file unusable (${wordAll(translatorFor('en').t, problem)}); defaults are used`);
  }

  /** Writes that fail (read-only profile, full disk) must not stop the app: keep going in memory. */
  private guard(inner: KeyValueStore): KeyValueStore {
    const shadow = new Map<string, unknown>();
    const attempt = (write: () => void): void => {
      try {
        write();
      } catch (error) {
        if (this.unsaved === undefined) this.options.log?.(`settings could not be saved: ${codeOf(error)}`);
        this.unsaved ??= said('settings.recovery.writeFailed', { code: codeOf(error) });
      }
    };
    return {
      get: (key) => (shadow.has(key) ? shadow.get(key) : safeGet(inner, key)),
      set: (key, value) => {
        shadow.set(key, value);
        attempt(() => inner.set(key, value));
      },
      delete: (key) => {
        shadow.set(key, undefined);
        attempt(() => inner.delete(key));
      },
    };
  }
}

function safeGet(store: KeyValueStore, key: string): unknown {
  try {
    return store.get(key);
  } catch {
    // The file went bad under us (edited by hand while running): what we have in memory counts.
    return undefined;
  }
}

function memoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  return { get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
}

/** The app's settings on a store that always opens: the composition root's one call. */
export function openAppSettings(options: SettingsFileOptions): { readonly settings: PersistentSettings; readonly store: KeyValueStore; readonly recovery: SettingsFileRecovery } {
  const recovery = new SettingsFileRecovery(options);
  const settings = new PersistentSettings(
    recovery.store,
    (problem, field) => {
      options.log?.(problem);
      recovery.settingsUnreadable(field);
    },
    () => recovery.notice(),
  );
  return { settings, store: recovery.store, recovery };
}
