// Asking for the proxy's user name and password (issue #14): when sign-in meets a 407, main works
// out which proxy answered (the route knows the proxy of each origin) and tells the sign-in page
// its host; the page asks the user once, and main keeps what it is given — only for a proxy that
// really asked, so a page cannot plant credentials for a proxy of its choosing. Stored credentials
// are used without asking; when the proxy turns them down they are forgotten and the user is asked
// again, told why.
import { IpcFailure } from '../../shared/ipc-failure';
import type { ProxyCredentials } from '../ucwa/index';

export interface ProxyCredentialKeeper {
  get(proxy: string): ProxyCredentials | undefined;
  set(proxy: string, credentials: ProxyCredentials, remember: boolean): boolean;
  forget(proxy: string): void;
}

export interface ProxySignInDeps {
  /** The proxy an origin goes through, as a URL (http://proxy:8080), or undefined for direct. */
  readonly proxyFor: (origin: string) => Promise<string | undefined>;
  readonly credentials: ProxyCredentialKeeper;
}

export interface ProxyCredentialsInput {
  readonly proxy: string;
  readonly user: string;
  readonly password: string;
  readonly remember: boolean;
}

export class ProxySignIn {
  /** Proxies that answered 407, by the host the page was told (host:port), to their URL. */
  private readonly asked = new Map<string, string>();

  constructor(private readonly deps: ProxySignInDeps) {}

  /** Runs a sign-in; a 407 comes back naming the proxy (and saying whether it refused what it had). */
  async run<T>(signIn: () => Promise<T>): Promise<T> {
    try {
      return await signIn();
    } catch (error) {
      throw await this.named(error);
    }
  }

  /** Stores credentials for a proxy that asked for them; the page then signs in again. */
  save(input: ProxyCredentialsInput): { readonly remembered: boolean } {
    const url = this.asked.get(input.proxy.toLowerCase());
    if (url === undefined) throw new IpcFailure('invalid-input', `setProxyCredentials: proxy ${input.proxy} did not ask for a user name and password.`);
    return { remembered: this.deps.credentials.set(url, { user: input.user, password: input.password }, input.remember) };
  }

  private async named(error: unknown): Promise<unknown> {
    if (!(error instanceof IpcFailure) || error.code !== 'proxy-auth-required' || error.host === undefined) return error;
    const proxy = await this.deps.proxyFor(error.host).catch(() => undefined);
    if (proxy === undefined) return error;
    const host = new URL(proxy).host.toLowerCase();
    this.asked.set(host, proxy);
    if (this.deps.credentials.get(proxy) === undefined) return new IpcFailure('proxy-auth-required', `The proxy ${host} wants a user name and password.`, host);
    // It had credentials and still said 407: they are wrong (or expired). Forget them, ask again.
    this.deps.credentials.forget(proxy);
    return new IpcFailure('proxy-auth-rejected', `The proxy ${host} did not accept the user name and password.`, host);
  }
}
