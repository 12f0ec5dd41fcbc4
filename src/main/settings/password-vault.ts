// The password is kept only encrypted by the OS (safeStorage). When the OS offers no real
// encryption — or on Linux only the "basic_text" fallback — it is not kept at all, and the UI says
// so. There is no plain-text fallback.
import type { PasswordVault } from '../session/ports';
import type { KeyValueStore } from './settings-store';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export class SafeStorageVault implements PasswordVault {
  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly store: KeyValueStore,
    private readonly platform: NodeJS.Platform,
  ) {}

  canRemember(): boolean {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    if (this.platform !== 'linux') return true;
    const backend = this.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    return !WEAK_LINUX_BACKENDS.has(backend);
  }

  save(account: string, password: string): boolean {
    if (!this.canRemember()) {
      this.clear(account);
      return false;
    }
    this.store.set(key(account), this.safeStorage.encryptString(password).toString('base64'));
    return true;
  }

  load(account: string): string | undefined {
    const stored = this.store.get(key(account));
    if (typeof stored !== 'string' || !this.canRemember()) return undefined;
    try {
      return this.safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      // A keychain that changed (new machine, reset) cannot decrypt: forget it, ask again.
      this.clear(account);
      return undefined;
    }
  }

  clear(account: string): void {
    this.store.delete(key(account));
  }
}

function key(account: string): string {
  return `vault.${Buffer.from(account.toLowerCase()).toString('base64url')}`;
}
