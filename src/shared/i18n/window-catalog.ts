// The messages the windows show: every area except those only the main process and the CLI speak
// (tray menu, notifications, command line). The renderer build ships just these, one language per
// chunk (src/renderer/catalogs), and the renderer's t() accepts only these keys, so a window cannot
// name a message its catalog leaves out. Messages a window shows rarely, and only after a round
// trip it waits for anyway, are parts of their own (CATALOG_PARTS), loaded when they are shown.
import type { CompiledCatalog, MessageKey } from './create-translator.js';

const MAIN_ONLY_AREAS = ['cli', 'cliHelp', 'tray', 'notifications'] as const;
type MainOnlyArea = (typeof MAIN_ONLY_AREAS)[number];

export type WindowMessageKey = Exclude<MessageKey, `${MainOnlyArea}.${string}`>;

/**
 * Keys the main process names and a page words (a doctor report's steps, the settings-file notice
 * arrive as catalog keys with arguments): not in the pages' code, so the build keeps them whole.
 */
export const WORDED_FOR_MAIN = ['doctor.', 'settings.recovery.'] as const;

/**
 * Catalog parts a window loads on demand (src/renderer/i18n.ts, loadCatalogPart), each a chunk per
 * language (src/renderer/catalogs/<part>/<locale>.ts): what the page shows only after a round trip
 * it waits for anyway, so loading a local chunk first costs nothing visible. The doctor's report
 * (the connection check) is the largest area of the catalog and shown by one button; the proxy's
 * question for a user name and password follows a sign-in that met a 407. The dialogs a click opens
 * (the contact card, a new group chat, adding people, leaving: src/renderer/components/dialogs.tsx)
 * load with their messages from local disk in a few milliseconds. The words of errors (a code's
 * sentence, a detail's, the sign-in's more precise ones) load with the first error a window shows,
 * after the round trip that failed (src/renderer/state/errors.ts): most windows never show one. A
 * key of a part that code every window loads names stays in the catalog every window loads (STAY_HOME).
 */
export const CATALOG_PARTS = {
  doctor: ['doctor.'],
  proxyCredentials: ['network.proxyAuth.'],
  dialogs: ['contactCard.', 'groups.'],
  errors: ['errors.code.', 'errors.withDetail', 'errorDetail.', 'corporateNetwork.certificate.', 'corporateNetwork.caFile.', 'corporateNetwork.proxy.', 'network.error.'],
} as const satisfies Readonly<Record<string, readonly string[]>>;
export type CatalogPart = keyof typeof CATALOG_PARTS;

/**
 * Keys under a part's prefix that code every window loads names (the participant list, a chat's
 * joined/left lines, the Leave and Add people buttons, the popup's buttons): they stay in the catalog
 * every window loads, or the page would show them bare until the part is in. The renderer build
 * checks this list against the code loaded with each page, both ways (scripts/window-catalogs.mjs).
 */
export const STAY_HOME: ReadonlySet<string> = new Set([
  'contactCard.open',
  'contactCard.openFor',
  'groups.addFailed',
  'groups.addPeople',
  'groups.joined',
  'groups.leave',
  'groups.leaveTitle',
  'groups.left',
  'groups.newGroupChat',
  'groups.participantCount',
  'groups.participants',
  'groups.showCard',
  'groups.you',
  'groups.youLeft',
]);

/** The on-demand part a key belongs to, or undefined for the catalog every window loads. */
export function catalogPartOf(key: string): CatalogPart | undefined {
  if (STAY_HOME.has(key)) return undefined;
  return (Object.keys(CATALOG_PARTS) as CatalogPart[]).find((part) => CATALOG_PARTS[part].some((prefix) => key.startsWith(prefix)));
}

export function isWindowMessage(key: string): boolean {
  return !MAIN_ONLY_AREAS.some((area) => key.startsWith(`${area}.`));
}

/** A compiled catalog cut down to the windows' messages: those every window loads, or one on-demand part's. */
export function windowCatalog(catalog: CompiledCatalog, part?: CatalogPart): CompiledCatalog {
  return Object.fromEntries(Object.entries(catalog).filter(([key]) => isWindowMessage(key) && catalogPartOf(key) === part));
}
