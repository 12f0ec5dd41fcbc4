// The catalogs compiled to Lingui's message format. Node (main, CLI, tests) compiles them here on
// load; the renderer build (scripts/build.mjs) replaces each window catalog module
// (src/renderer/catalogs/*.ts) with its compiled result, so pages ship compiled messages and not
// the ICU parser.
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { de } from './catalogs/de/index.js';
import { en } from './catalogs/en/index.js';
import type { CompiledCatalog } from './create-translator.js';

export type { CompiledCatalog };

function compileCatalog(source: Readonly<Record<string, string>>): CompiledCatalog {
  return Object.fromEntries(Object.entries(source).map(([key, message]) => [key, compileMessage(message)]));
}

/** English and German; the pseudo-locale is derived from English (pseudo-locale.ts). */
export const COMPILED_CATALOGS: { readonly en: CompiledCatalog; readonly de: CompiledCatalog } = { en: compileCatalog(en), de: compileCatalog(de) };
