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
  const who = message.from.name === '' ? message.from.uri : `${message.from.name} <${message.from.uri}>`;
  // Keep one message on one line so output stays greppable; embedded newlines are shown escaped.
  return `[${time}] ${who}: ${message.text.replace(/\r?\n/g, '\\n')}`;
}
