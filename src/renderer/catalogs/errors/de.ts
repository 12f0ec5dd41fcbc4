// The German words of errors (a code's sentence, a detail's, the sign-in's more precise ones), compiled:
// a part loaded with the first error a window shows (src/renderer/state/errors.ts). The renderer
// build replaces this module with the precompiled result (scripts/window-catalogs.mjs).
import { COMPILED_CATALOGS } from '../../../shared/i18n/compiled-catalogs.js';
import { windowCatalog } from '../../../shared/i18n/window-catalog.js';

export const catalog = windowCatalog(COMPILED_CATALOGS.de, 'errors');
