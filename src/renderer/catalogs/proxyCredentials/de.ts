// The German messages of the proxy's question for a user name and password (after a sign-in met a
// 407), compiled: a part loaded only when that question is shown (src/renderer/i18n.ts, loadCatalogPart).
// The renderer build replaces this module with the precompiled result (scripts/window-catalogs.mjs).
import { COMPILED_CATALOGS } from '../../../shared/i18n/compiled-catalogs.js';
import { windowCatalog } from '../../../shared/i18n/window-catalog.js';

export const catalog = windowCatalog(COMPILED_CATALOGS.de, 'proxyCredentials');
