/** What `listen` prints for one incoming message. */
export interface ListenedMessage {
  readonly from: { readonly uri: string; readonly name: string };
  readonly conversation: string;
  readonly text: string;
  readonly html?: string | undefined;
  readonly time: Date;
}

/** One JSON object per line: `from`, `fromName`, `conversation`, `text`, `html` (HTML messages only), `time`. */
export function formatJsonLine(message: ListenedMessage): string {
  return JSON.stringify({
    from: message.from.uri,
    fromName: message.from.name,
    conversation: message.conversation,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    time: message.time.toISOString(),
  });
}

export function formatHumanLine(message: ListenedMessage): string {
  const time = message.time.toISOString().slice(11, 19);
  const name = escapeForTerminal(message.from.name);
  const uri = escapeForTerminal(message.from.uri);
  const who = name === '' ? uri : `${name} <${uri}>`;
  // One message on one line, so output stays greppable and another person's text cannot rewrite it.
  return `[${time}] ${who}: ${escapeForTerminal(message.text)}`;
}

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * Other people's text as inert characters: C0 and C1 controls and DEL (ESC sequences, a `\r` that
 * rewrites the line) and the bidirectional overrides that reorder what is shown become visible escapes.
 */
export function escapeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\\]/g, (c) => NAMED[c] ?? (c.charCodeAt(0) > 0xff ? `\\u{${c.charCodeAt(0).toString(16)}}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
