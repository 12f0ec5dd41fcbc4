// Message HTML comes from other people's clients and the server: untrusted. This is the one place
// it is made safe, with a tight allowlist — text formatting and http(s)/mailto links, nothing that
// runs, loads, submits, styles or frames anything.
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = ['a', 'b', 'strong', 'i', 'em', 'u', 's', 'br', 'p', 'div', 'span', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre'];
const ALLOWED_ATTR = ['href', 'title'];
const SAFE_LINK = /^(?:https?:|mailto:)/i;

let hooked = false;

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    if (!SAFE_LINK.test(href.trim())) node.removeAttribute('href');
    // Links leave the app: main turns a new-window request into shell.openExternal (http/https/mailto only).
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
}

/** A fragment safe to insert into the page. */
export function sanitizeMessageHtml(html: string): DocumentFragment {
  installHooks();
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_LINK,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  });
}
