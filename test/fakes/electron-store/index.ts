// electron-store for composition-root tests: a fresh in-memory store per instance, with the three
// methods the app's settings adapter calls (get, set, delete; their real signatures take more).
export default class InMemoryElectronStore {
  private readonly data = new Map<string, unknown>();

  get(key: string): unknown {
    return this.data.get(key);
  }

  set(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  delete(key: string): void {
    this.data.delete(key);
  }
}
