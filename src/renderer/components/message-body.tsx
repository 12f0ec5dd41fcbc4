// The only way a message's content reaches the DOM. Plain text becomes text nodes (with web
// addresses as links); HTML goes through the sanitiser and nowhere else.
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '../../shared/domain';
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

function SanitizedHtml({ html }: { readonly html: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    host.current?.replaceChildren(sanitizeMessageHtml(html));
  }, [html]);
  return <div class="message-html" ref={host} />;
}

export function MessageBody({ message }: { readonly message: ChatMessage }) {
  return message.html !== undefined && message.html !== '' ? <SanitizedHtml html={message.html} /> : <div class="message-text"><LinkifiedText text={message.text} /></div>;
}
