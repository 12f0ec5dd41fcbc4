// The fake of Electron's `protocol` (the default session's): privileged schemes are registered
// before `ready` and only then; handlers (`protocol.handle`) only after it, once per scheme. A
// request goes through the handler as Chromium would send it: a fetch `Request` for the URL.
import { app } from './app';

export interface FakeCustomScheme {
  readonly scheme: string;
  readonly privileges?: Readonly<Record<string, boolean>>;
}

type Handler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as FakeCustomScheme[],
  handlers: new Map<string, Handler>(),

  registerSchemesAsPrivileged(customSchemes: FakeCustomScheme[]): void {
    // Electron throws this from its C++ side once the app is ready.
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    protocol.privileged = [...customSchemes];
  },

  handle(scheme: string, handler: Handler): void {
    // Before `ready` the default session (and so this method) does not exist yet.
    if (!app.isReady()) throw new TypeError('protocol.handle is not a function');
    if (protocol.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    protocol.handlers.set(scheme, handler);
  },

  unhandle(scheme: string): void {
    protocol.handlers.delete(scheme);
  },

  isProtocolHandled(scheme: string): boolean {
    return protocol.handlers.has(scheme);
  },

  /** What a page (or a load) asking for `url` gets; an unknown scheme fails as in Chromium. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const scheme = url.slice(0, Math.max(0, url.indexOf(':'))).toLowerCase();
    const handler = protocol.handlers.get(scheme);
    if (handler === undefined) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    return handler(new Request(url, init));
  },
};

export function resetProtocolFake(): void {
  protocol.handlers.clear();
  protocol.privileged = [];
}
