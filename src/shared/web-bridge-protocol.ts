// The contract carried over a WebSocket between a page in an ordinary browser and the web dev host
// (src/dev). Development and browser tests only: the packaged app uses the preload's IPC bridge.
// Kept free of zod so the renderer bundle stays small; the host parses what pages send.
import type { EventName, MethodName } from './ipc-names';
import type { PageName } from './page-names';
import type { Result } from './ipc-contract';

export { PAGES } from './page-names';
export type { PageName } from './page-names';

/** Query parameters of a page URL in the dev host. */
export const WEB_BRIDGE_QUERY = { socket: 'ws', token: 'token' } as const;

export type PageToHost =
  | { readonly t: 'hello'; readonly page: PageName; readonly conversation?: string }
  | { readonly t: 'invoke'; readonly id: number; readonly method: MethodName; readonly input: unknown }
  | { readonly t: 'focus'; readonly focused: boolean };

export type HostToPage =
  | { readonly t: 'result'; readonly id: number; readonly result: Result<unknown> }
  | { readonly t: 'event'; readonly name: EventName; readonly payload: unknown }
  /** Open a page in a new window, or focus the one already showing it (`target` names it). */
  | { readonly t: 'open'; readonly page: PageName; readonly query: Readonly<Record<string, string>>; readonly target: string }
  | { readonly t: 'focus' }
  | { readonly t: 'hide' };
