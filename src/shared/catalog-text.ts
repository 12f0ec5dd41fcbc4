// Words chosen where they are shown: a catalog key and its arguments (protocol data), for text
// that starts where the user's language is not at hand (the doctor, the settings file's recovery).
import type { MessageValues } from './i18n/translator';
import type { WindowMessageKey } from './i18n/window-catalog';

/** One whole sentence (or title). */
export interface CatalogText {
  readonly key: WindowMessageKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

export const said = (key: WindowMessageKey, values?: Readonly<Record<string, string | number>>): CatalogText => (values === undefined ? { key } : { key, values });

type Translate = (key: WindowMessageKey, values?: MessageValues) => string;

/** Sentences in the language `t` speaks, one after another (each is whole in every language). */
export function wordAll(t: Translate, words: readonly CatalogText[] | CatalogText): string {
  return ('key' in words ? [words] : words).map((w) => t(w.key, w.values)).join(' ');
}
