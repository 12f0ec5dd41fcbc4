// Proxy user names and passwords, asked once and kept only encrypted (the password vault on
// safeStorage, under a key per proxy). When the OS cannot encrypt, they last until the app quits.
import { z } from 'zod';
import type { ProxyCredentials } from '../ucwa/index';
import type { PasswordVault } from '../session/ports';

const storedSchema = z.object({ user: z.string().min(1).max(256), password: z.string().max(1024) });

export class ProxyCredentialStore {
  private readonly inMemory = new Map<string, ProxyCredentials>();

  constructor(private readonly vault: PasswordVault) {}

  get(proxy: string): ProxyCredentials | undefined {
    const known = this.inMemory.get(proxy);
    if (known !== undefined) return known;
    const stored = this.vault.load(key(proxy));
    if (stored === undefined) return undefined;
    try {
      const parsed = storedSchema.safeParse(JSON.parse(stored));
      if (parsed.success) {
        this.inMemory.set(proxy, parsed.data);
        return parsed.data;
      }
    } catch {
      // Not JSON: forgotten below, asked again.
    }
    this.vault.clear(key(proxy));
    return undefined;
  }

  /** Keeps them for this run, and encrypted on disk where the OS allows; true when saved to disk. */
  set(proxy: string, credentials: ProxyCredentials): boolean {
    this.inMemory.set(proxy, credentials);
    return this.vault.save(key(proxy), JSON.stringify(credentials));
  }

  forget(proxy: string): void {
    this.inMemory.delete(proxy);
    this.vault.clear(key(proxy));
  }
}

function key(proxy: string): string {
  return `proxy:${proxy.toLowerCase()}`;
}
