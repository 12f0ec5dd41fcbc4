// Formats a compiled message (Lingui's compiled format, from @lingui/message-utils' compileMessage)
// with its values. The same result as @lingui/core's interpolation for every message in our catalogs
// (test/unit/i18n/format-message.test.ts compares them message by message), in a fraction of its
// size: the pages ship this, and @lingui/core was a fifth of the renderer's shared chunk.
import type { CompiledMessage } from '@lingui/message-utils/compileMessage';

type Values = Readonly<Record<string, unknown>>;
type Cases = Readonly<Record<string, CompiledMessage | number | undefined>>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let made = cache.get(key);
  if (made === undefined) cache.set(key, (made = make()));
  return made;
}

const formatNumber = (locale: string, value: number): string => memo(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);

function pluralCase(locale: string, type: 'plural' | 'selectordinal', value: unknown, offset: number, cases: Cases): CompiledMessage | undefined {
  const rules = memo(pluralRules, `${locale}:${type}`, () => new Intl.PluralRules(locale, { type: type === 'plural' ? 'cardinal' : 'ordinal' }));
  // Like Lingui: a case named by the value itself first ("=1" compiles to "1"), then its plural category.
  const chosen = cases[String(value)] ?? cases[rules.select(Number(value) - offset)] ?? cases.other;
  return typeof chosen === 'number' ? undefined : chosen;
}

/** `message` in `locale` with `values` filled in; `count` is the plural's number for '#'. */
export function formatMessage(message: CompiledMessage | string, values: Values, locale: string, count?: string): string {
  if (typeof message === 'string') return message;
  let text = '';
  for (const token of message) {
    if (typeof token === 'string') {
      text += token === '#' && count !== undefined ? count : token;
      continue;
    }
    const [name, type, format] = token;
    const value = values[name];
    if (type === 'plural' || type === 'selectordinal') {
      const cases = format as Cases;
      const offset = typeof cases.offset === 'number' ? cases.offset : 0;
      const chosen = pluralCase(locale, type, value, offset, cases);
      if (chosen !== undefined) text += formatMessage(chosen, values, locale, formatNumber(locale, Number(value) - offset));
    } else if (type === 'select') {
      const cases = format as Cases;
      const chosen = cases[String(value)] ?? cases.other;
      // Like Lingui: '#' counts only directly inside a plural's cases.
      if (chosen !== undefined && typeof chosen !== 'number') text += formatMessage(chosen, values, locale);
    } else if (type === 'number' && typeof value === 'number') {
      text += formatNumber(locale, value);
    } else if (value !== undefined && value !== null) {
      text += String(value);
    }
  }
  return text;
}
