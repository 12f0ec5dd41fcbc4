// The only way a message's content reaches the DOM. Plain text becomes text nodes (with web
// addresses as links); HTML goes through the sanitiser and nowhere else. HTML that sanitises to
// nothing (only an image, only a script) shows the plain text the server sent with it instead —
// or a placeholder, never an empty bubble — as the popup's preview does.
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { ChatMessage } from '../../shared/domain';
import { previewText } from '../../shared/message-preview';
import { sanitizeMessageHtml } from './sanitize-message-html';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/gi;

function LinkifiedText({ text }: { readonly text: string }) {
  const parts: ComponentChild[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index;
    parts.push(text.slice(last, index));
    parts.push(
      <a href={match[0]} target="_blank" rel="noopener noreferrer">
        {match[0]}
      </a>,
    );
    last = index + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function SanitizedHtml({ fragment }: { readonly fragment: DocumentFragment }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    host.current?.replaceChildren(fragment.cloneNode(true));
  }, [fragment]);
  return <div class="message-html" ref={host} />;
}

function PlainText({ text }: { readonly text: string }) {
  const shown = previewText(text);
  return (
    <div class={shown === text ? 'message-text' : 'message-text message-unshowable'}>
      <LinkifiedText text={shown} />
    </div>
  );
}

export function MessageBody({ message }: { readonly message: ChatMessage }) {
  const html = message.html;
  const fragment = useMemo(() => (html === undefined || html === '' ? undefined : sanitizeMessageHtml(html)), [html]);
  const visible = fragment !== undefined && (fragment.textContent ?? '').trim() !== '';
  return visible ? <SanitizedHtml fragment={fragment} /> : <PlainText text={message.text} />;
}
