// The doctor's German messages (the connection check's report), compiled: a part loaded only when a
// window shows a report (src/renderer/i18n.ts, loadCatalogPart). The renderer build replaces this
// module with the precompiled result (scripts/window-catalogs.mjs), like the catalog every window loads.
import { COMPILED_CATALOGS } from '../../../shared/i18n/compiled-catalogs.js';
import { windowCatalog } from '../../../shared/i18n/window-catalog.js';

export const catalog = windowCatalog(COMPILED_CATALOGS.de, 'doctor');
