// How a message reads where only text fits (the popup's preview, a notification, the chat when
// its HTML shows nothing): its plain text, or a placeholder when there is none — never a blank.

export const UNSHOWABLE_MESSAGE = '[message could not be shown]';

export function previewText(text: string): string {
  return text.trim() === '' ? UNSHOWABLE_MESSAGE : text;
}
