// Windows toasts with an inline reply. Electron routes a toast's activation back to the JavaScript
// object only while that object lives; a reply typed later in the Action Center (or after a
// restart) reaches the app only through Notification.handleActivation, with nothing but the
// toast's activation arguments to say which conversation it was for. So our toasts carry their
// own: type, our notification id and the conversation, in the toast XML. Pure, so it is tested.
import { t } from '../i18n/app-language';

export type ToastActivationType = 'click' | 'reply';

export interface ToastActivation {
  readonly type: ToastActivationType;
  readonly notificationId: string;
  readonly conversationId: string;
}

/** The text input's id: Electron reads a reply from the input named "reply". */
export const REPLY_INPUT_ID = 'reply';

/** `type=…` first, as Electron's own activation parser expects; values URI-encoded, so no `&` or `=` inside. */
export function toastArguments(activation: ToastActivation): string {
  return `type=${activation.type}&id=${encodeURIComponent(activation.notificationId)}&conversation=${encodeURIComponent(activation.conversationId)}`;
}

/** Ours, or undefined (another toast's, Electron's own `tag=` arguments, or garbage). */
export function parseToastArguments(raw: string): ToastActivation | undefined {
  const fields = new Map<string, string>();
  for (const pair of raw.split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    try {
      fields.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      return undefined;
    }
  }
  const type = fields.get('type');
  const notificationId = fields.get('id');
  const conversationId = fields.get('conversation');
  if ((type !== 'click' && type !== 'reply') || notificationId === undefined || notificationId === '' || conversationId === undefined || conversationId === '') return undefined;
  return { type, notificationId, conversationId };
}

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than breaking the whole toast.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface ReplyToast {
  readonly notificationId: string;
  readonly conversationId: string;
  readonly title: string;
  readonly body: string;
  readonly silent: boolean;
  readonly placeholder: string;
}

/** A toast with the message, a text box and Send; a click on the toast opens the chat. */
export function replyToastXml(toast: ReplyToast): string {
  const ids = { notificationId: toast.notificationId, conversationId: toast.conversationId };
  const launch = escapeXml(toastArguments({ type: 'click', ...ids }));
  const send = escapeXml(toastArguments({ type: 'reply', ...ids }));
  return [
    `<toast launch="${launch}" activationType="foreground">`,
    `<visual><binding template="ToastGeneric"><text>${escapeXml(toast.title)}</text><text>${escapeXml(toast.body)}</text></binding></visual>`,
    toast.silent ? '<audio silent="true"/>' : '',
    '<actions>',
    `<input id="${REPLY_INPUT_ID}" type="text" placeHolderContent="${escapeXml(toast.placeholder)}"/>`,
    `<action content="${escapeXml(t('notifications.send'))}" arguments="${send}" activationType="foreground" hint-inputId="${REPLY_INPUT_ID}"/>`,
    '</actions>',
    '</toast>',
  ].join('');
}
