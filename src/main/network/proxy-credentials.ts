// Proxy user names and passwords, asked once and kept only encrypted (the password vault on
// safeStorage, under a key per proxy). When the OS cannot encrypt, or the user did not ask to
// remember them, they last until the app quits. Proxy URLs are compared without regard to case
// (PAC answers and URL parsing may spell the host differently).
import { z } from 'zod';
import type { ProxyCredentials } from '../ucwa/index';
import type { PasswordVault } from '../session/ports';

const storedSchema = z.object({ user: z.string().min(1).max(256), password: z.string().max(1024) });

export class ProxyCredentialStore {
  private readonly inMemory = new Map<string, ProxyCredentials>();

  constructor(private readonly vault: PasswordVault) {}

  get(proxy: string): ProxyCredentials | undefined {
    const id = proxy.toLowerCase();
    const known = this.inMemory.get(id);
    if (known !== undefined) return known;
    const stored = this.vault.load(key(id));
    if (stored === undefined) return undefined;
    try {
      const parsed = storedSchema.safeParse(JSON.parse(stored));
      if (parsed.success) {
        this.inMemory.set(id, parsed.data);
        return parsed.data;
      }
    } catch {
      // Not JSON: forgotten below, asked again.
    }
    this.vault.clear(key(id));
    return undefined;
  }

  /**
   * Keeps them for this run and, when `remember`, encrypted on disk where the OS allows (true when
   * saved to disk). Not remembered: whatever was on disk for this proxy is removed.
   */
  set(proxy: string, credentials: ProxyCredentials, remember = true): boolean {
    const id = proxy.toLowerCase();
    this.inMemory.set(id, credentials);
    if (remember) return this.vault.save(key(id), JSON.stringify(credentials));
    this.vault.clear(key(id));
    return false;
  }

  forget(proxy: string): void {
    const id = proxy.toLowerCase();
    this.inMemory.delete(id);
    this.vault.clear(key(id));
  }
}

function key(proxy: string): string {
  return `proxy:${proxy}`;
}
