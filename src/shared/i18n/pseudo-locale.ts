// The pseudo-locale en-XA: every letter accented and every text piece 40 % longer, the whole in
// brackets, so one look shows which text is not translated (no brackets) and which box clips it.
// It maps the text pieces of the compiled English message, so placeholders, plurals and selects
// stay intact (and the renderer, which ships only compiled messages, can derive it too).
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

/** Every text piece of a compiled message (inside plural and select branches too) through pseudoText. */
function pseudoTokens(message: CompiledMessage): CompiledMessage {
  return message.map((token) => {
    if (typeof token === 'string') return pseudoText(token);
    const [name, type, format] = token;
    if (type === undefined || format === null || typeof format !== 'object') return token;
    const branches = Object.fromEntries(Object.entries(format as Record<string, unknown>).map(([choice, branch]) => [choice, Array.isArray(branch) ? pseudoTokens(branch as CompiledMessage) : branch]));
    return [name, type, branches];
  });
}

/** The pseudo-locale's message: accented and longer, the whole (arguments too) in brackets. */
export function pseudoMessage(compiled: CompiledMessage): CompiledMessage {
  return ['[', ...pseudoTokens(compiled), ']'];
}
