// The windows' English messages, compiled. Loaded on demand as a chunk of its own (src/renderer/i18n.ts):
// a window ships only its language, and not the parts it loads on demand (catalogs/<part>/). The
// renderer build replaces this module with the precompiled result (scripts/build.mjs), so no ICU
// parser reaches the pages.
import { COMPILED_CATALOGS } from '../../shared/i18n/compiled-catalogs.js';
import { windowCatalog } from '../../shared/i18n/window-catalog.js';

export const catalog = windowCatalog(COMPILED_CATALOGS.en);
