// The German messages of the dialogs a click opens (contact card, new group chat, add people, leave),
// compiled: a part loaded with those dialogs (src/renderer/components/lazy-dialog.tsx). The renderer
// build replaces this module with the precompiled result (scripts/window-catalogs.mjs).
import { COMPILED_CATALOGS } from '../../../shared/i18n/compiled-catalogs.js';
import { windowCatalog } from '../../../shared/i18n/window-catalog.js';

export const catalog = windowCatalog(COMPILED_CATALOGS.de, 'dialogs');
