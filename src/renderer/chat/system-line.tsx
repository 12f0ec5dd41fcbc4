// A line in a group chat for something that happened: "Carl joined", "Ana left", "You left the
// conversation", "Dana could not be added". Kept as data in the history; worded here in the page's language.
import type { ChatMessage } from '../../shared/domain';
import { formatTime, t } from '../i18n';

export function systemText(message: ChatMessage): string {
  const name = message.system?.who.name ?? message.from.name;
  switch (message.system?.kind) {
    case 'joined':
      return t('groups.joined', { name });
    case 'left':
      return t('groups.left', { name });
    case 'you-left':
      return t('groups.youLeft');
    default:
      return t('groups.addFailed', { name });
  }
}

export function SystemLine({ message }: { readonly message: ChatMessage }) {
  return (
    <p class="status-line system-line" data-system={message.system?.kind}>
      {systemText(message)} <time dateTime={new Date(message.time).toISOString()}>{formatTime(message.time)}</time>
    </p>
  );
}
