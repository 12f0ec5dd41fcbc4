// The pseudo-locale en-XA: every letter accented and every text piece 40 % longer, the whole in
// brackets, so one look shows which text is not translated (no brackets) and which box clips it.
// It maps the text pieces of the compiled message, so placeholders, plurals and selects stay intact.

import type { CompiledMessage } from '@lingui/message-utils/compileMessage';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'àƀçđéƒĝĥíĵķľɱñöþǫŕšţüṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĽṀÑÖÞǪŔŠŢÜṼŴẊÝŽ';
const ACCENT_OF = new Map([...PLAIN].map((ch, i) => [ch, [...ACCENTED][i] ?? ch]));

/** One text piece of a message, accented and lengthened by 40 % of its letters. */
export function pseudoText(text: string): string {
  const accented = [...text].map((ch) => ACCENT_OF.get(ch) ?? ch).join('');
  const letters = [...text].filter((ch) => ACCENT_OF.has(ch)).length;
  const extra = Math.ceil(letters * 0.4);
  return extra === 0 ? accented : `${accented}${'~'.repeat(extra)}`;
}

/** The whole message in brackets (around its arguments too), so untranslated text stands out. */
export function pseudoMessage(compiled: CompiledMessage): CompiledMessage {
  return ['[', ...compiled, ']'];
}
