// Path patterns of fault rules: a literal path piece, `*` for any run of characters, `^` at the
// start and `$` at the end to anchor (without them the pattern may match anywhere in the path).
// No user-supplied RegExp: a 28-character regular expression once held the server for 10 s.
// Matching is greedy and leftmost per literal piece, which is exact for star-only patterns and
// never backtracks; with the length caps below a match costs at most path × pattern steps.
//
//   /events                         contains /events
//   /messaging/messages$            ends with /messaging/messages
//   ^/ucwa/oauth/v1/applications$   exactly the applications collection
//   /conversations/*/messaging$     any conversation's messaging

export const MAX_PATTERN_LENGTH = 256;

/** Characters a pattern may hold besides `*`, `^` (first) and `$` (last): what a URL path uses. */
const PATH_CHARACTERS = new Set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!&\',;=:@%/');

export interface PathPattern {
  readonly source: string;
  matches(path: string): boolean;
}

export type PatternResult = { readonly ok: true; readonly pattern: PathPattern } | { readonly ok: false; readonly error: { readonly code: 'invalid-path-pattern'; readonly message: string } };

function invalid(message: string): PatternResult {
  return { ok: false, error: { code: 'invalid-path-pattern', message } };
}

export function compilePathPattern(source: string): PatternResult {
  if (source.length > MAX_PATTERN_LENGTH) return invalid(`a path pattern has at most ${MAX_PATTERN_LENGTH} characters`);
  const anchoredStart = source.startsWith('^');
  const anchoredEnd = source.length > (anchoredStart ? 1 : 0) && source.endsWith('$');
  const body = source.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined);
  for (const char of body) {
    if (char !== '*' && !PATH_CHARACTERS.has(char)) {
      return invalid(`"${char}" is not allowed in a path pattern: use a literal path with * for any characters, ^ and $ to anchor (regular expressions are not accepted)`);
    }
  }
  const pieces = body.toLowerCase().split('*');
  return { ok: true, pattern: { source, matches: (path) => matchPieces(pieces, anchoredStart, anchoredEnd, path.toLowerCase()) } };
}

/** `pieces` are the literal runs between stars; case was folded by the caller. */
function matchPieces(pieces: readonly string[], anchoredStart: boolean, anchoredEnd: boolean, path: string): boolean {
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (pieces.length === 1) {
    if (anchoredStart && anchoredEnd) return path === first;
    if (anchoredStart) return path.startsWith(first);
    if (anchoredEnd) return path.endsWith(first);
    return path.includes(first);
  }
  let from = 0;
  if (anchoredStart) {
    if (!path.startsWith(first)) return false;
    from = first.length;
  }
  let end = path.length;
  if (anchoredEnd) {
    if (!path.endsWith(last) || path.length - last.length < from) return false;
    end = path.length - last.length;
  }
  const middle = pieces.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined);
  for (const piece of middle) {
    if (piece === '') continue;
    const at = path.indexOf(piece, from);
    if (at < 0 || at + piece.length > end) return false;
    from = at + piece.length;
  }
  return true;
}
