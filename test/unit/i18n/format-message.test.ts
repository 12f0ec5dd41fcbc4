// Our small formatter for compiled messages says exactly what Lingui's runtime says: every message
// of every catalog (and the pseudo-locale's), with each argument given the values that pick each
// plural and select case, and with arguments missing.
import { setupI18n } from '@lingui/core';
import { compileMessage, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import { describe, expect, it } from 'vitest';
import { COMPILED_CATALOGS } from '../../../src/shared/i18n/compiled-catalogs.js';
import { formatMessage } from '../../../src/shared/i18n/format-message.js';
import { pseudoMessage } from '../../../src/shared/i18n/pseudo-locale.js';

type Token = CompiledMessage[number];

/** For each argument, the values worth trying: every case of its selects and plurals, and some numbers. */
function valueChoices(message: CompiledMessage, into = new Map<string, Set<string | number>>()): Map<string, Set<string | number>> {
  for (const token of message as Token[]) {
    if (typeof token === 'string') continue;
    const [name, type, format] = token;
    const choices = into.get(name) ?? new Set<string | number>(['Ana', '', 'x#y']);
    into.set(name, choices);
    if (type === 'plural' || type === 'selectordinal') [0, 1, 2, 3, 5, 11, 21, 1000, 1234567, 1.5].forEach((n) => choices.add(n));
    if (format !== null && typeof format === 'object') {
      for (const [choice, branch] of Object.entries(format as Record<string, unknown>)) {
        if (choice !== 'offset') choices.add(choice);
        if (Array.isArray(branch)) valueChoices(branch as CompiledMessage, into);
      }
    }
  }
  return into;
}

/** Value sets: all defaults, then each argument through each of its choices (the others at their first). */
function valueSets(message: CompiledMessage): Record<string, string | number>[] {
  const choices = [...valueChoices(message).entries()];
  const base = Object.fromEntries(choices.map(([name, set]) => [name, [...set][0] ?? '']));
  const sets: Record<string, string | number>[] = [{}, base];
  for (const [name, set] of choices) for (const value of set) sets.push({ ...base, [name]: value });
  return sets;
}

const LOCALES = [
  ['en', 'en', COMPILED_CATALOGS.en],
  ['de', 'de', COMPILED_CATALOGS.de],
  ['en-XA', 'en', Object.fromEntries(Object.entries(COMPILED_CATALOGS.en).map(([key, message]) => [key, pseudoMessage(message)]))],
] as const;

describe('formatMessage', () => {
  for (const [name, intlLocale, catalog] of LOCALES) {
    it(`formats every ${name} message as Lingui does, for every case of every argument`, () => {
      const lingui = setupI18n({ locale: intlLocale, messages: { [intlLocale]: catalog } });
      let compared = 0;
      for (const [key, message] of Object.entries(catalog)) {
        for (const values of valueSets(message)) {
          expect({ key, values, text: formatMessage(message, values, intlLocale) }).toEqual({ key, values, text: lingui._(key, values) });
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(Object.keys(catalog).length * 2);
    });
  }

  it('handles what the catalogs do not use yet as Lingui does: offsets, ordinals, exact cases, numbers, nesting', () => {
    const sources = [
      '{n, plural, offset:1 =0 {nobody} one {just {name}} other {{name} and # others}}',
      '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}',
      '{n, plural, =1 {exactly one} other {# in {kind, select, a {A #} other {other}}}}',
      '{n, number} items, {who}',
    ];
    for (const locale of ['en', 'de']) {
      for (const source of sources) {
        const message = compileMessage(source);
        const lingui = setupI18n({ locale, messages: { [locale]: { m: message } } });
        for (const n of [0, 1, 2, 3, 4, 11, 12, 13, 22, 101, 2.5]) {
          const values = { n, name: 'Ben', kind: 'a', who: 'Ana' };
          expect({ source, locale, n, text: formatMessage(message, values, locale) }).toEqual({ source, locale, n, text: lingui._('m', values) });
        }
      }
    }
  });
});
