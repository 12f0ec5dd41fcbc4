// The pages a window can show. A module of its own, apart from the contract's method and event names
// (ipc-names.ts): the pages need only this, and a chunk holds whole modules, so sharing ipc-names
// with the dev host's socket bridge shipped its name lists to every window (issue #15).

/** The pages a window (or, in the web dev host, a browser tab) can show: one per window kind. */
export const PAGES = ['popup', 'chat', 'settings', 'sign-in', 'quick-reply'] as const;

export type PageName = (typeof PAGES)[number];

export function isPageName(value: unknown): value is PageName {
  return typeof value === 'string' && (PAGES as readonly string[]).includes(value);
}
