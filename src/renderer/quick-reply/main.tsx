import { boot } from '../boot';
import { t } from '../i18n';
import { QuickReplyApp } from './quick-reply-app';

void boot((bridge, context) => {
  const conversationId = context.query.get('conversation') ?? '';
  return () => (conversationId === '' ? <p class="form-error" role="alert">{t('quickReply.noConversation')}</p> : <QuickReplyApp bridge={bridge} conversationId={conversationId} />);
});
