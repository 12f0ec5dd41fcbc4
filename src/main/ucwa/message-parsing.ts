// Message bodies from resources: the invitation's first message and incoming message events.
import { decodeDataUri, htmlToText, normalizeMessageText } from './data-uri';
import type { EventReason } from './event-batch';
import type { FailureReason, MessageBody } from './events';
import type { Resource } from './resource';

function linkHref(resource: Resource, rel: string): string | undefined {
  const value = resource.raw._links?.[rel];
  const link = Array.isArray(value) ? value[0] : value;
  return link?.href;
}

/** Plain and HTML copies of a message; HTML-only messages get their text content as `text`. */
export function incomingMessageBody(resource: Resource): MessageBody | undefined {
  const plainHref = linkHref(resource, 'plainMessage');
  const htmlHref = linkHref(resource, 'htmlMessage');
  const plain = plainHref === undefined ? undefined : decodeDataUri(plainHref);
  const html = htmlHref === undefined ? undefined : decodeDataUri(htmlHref);
  if (plain === undefined && html === undefined) return undefined;
  const htmlText = html === undefined ? undefined : normalizeMessageText(html.text);
  const text = plain === undefined ? htmlToText(htmlText ?? '') : normalizeMessageText(plain.mime === 'text/html' ? htmlToText(plain.text) : plain.text);
  return { text, ...(htmlText === undefined ? {} : { html: htmlText }) };
}

/** The first line carried by an invitation's `message` link (§6.5). */
export function invitationFirstMessage(resource: Resource): MessageBody | undefined {
  const href = linkHref(resource, 'message');
  if (href === undefined) return undefined;
  const decoded = decodeDataUri(href);
  if (decoded === undefined) return undefined;
  const text = normalizeMessageText(decoded.text);
  return decoded.mime === 'text/html' ? { text: htmlToText(text), html: text } : { text };
}

export function reasonOf(reason: EventReason | undefined, fallback: string): FailureReason {
  return {
    ...(reason?.code === undefined ? {} : { code: reason.code }),
    ...(reason?.subcode === undefined ? {} : { subcode: reason.subcode }),
    message: reason?.message ?? (reason?.subcode === undefined ? fallback : `${fallback} (${reason.subcode})`),
  };
}
