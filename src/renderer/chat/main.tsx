import { boot } from '../boot';
import { t } from '../i18n';
import { ChatModel } from '../state/chat-model';
import { ChatApp } from './chat-app';

void boot((bridge, context) => {
  const conversationId = context.query.get('conversation');
  if (conversationId === null || conversationId === '') return () => <p class="form-error" role="alert">{t('chat.noConversation')}</p>;
  const model = new ChatModel(bridge, conversationId);
  void model.start();
  return () => <ChatApp model={model} />;
});
