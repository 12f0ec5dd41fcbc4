// The messages the windows show: every area except those only the main process and the CLI speak
// (tray menu, notifications, command line). The renderer build ships just these, one language per
// chunk (src/renderer/catalogs), and the renderer's t() accepts only these keys, so a window cannot
// name a message its catalog leaves out.
import type { CompiledCatalog, MessageKey } from './create-translator.js';

const MAIN_ONLY_AREAS = ['cli', 'cliHelp', 'tray', 'notifications'] as const;
type MainOnlyArea = (typeof MAIN_ONLY_AREAS)[number];

export type WindowMessageKey = Exclude<MessageKey, `${MainOnlyArea}.${string}`>;

/**
 * Keys the main process names and a page words (a doctor report's steps, the settings-file notice
 * arrive as catalog keys with arguments): not in the pages' code, so the build keeps them whole.
 */
export const WORDED_FOR_MAIN = ['doctor.', 'settings.recovery.'] as const;

export function isWindowMessage(key: string): boolean {
  return !MAIN_ONLY_AREAS.some((area) => key.startsWith(`${area}.`));
}

/** A compiled catalog cut down to the windows' messages. */
export function windowCatalog(catalog: CompiledCatalog): CompiledCatalog {
  return Object.fromEntries(Object.entries(catalog).filter(([key]) => isWindowMessage(key)));
}
