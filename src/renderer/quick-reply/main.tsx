import { boot } from '../boot';
import { QuickReplyApp } from './quick-reply-app';

boot((bridge, context) => {
  const conversationId = context.query.get('conversation') ?? '';
  return () => (conversationId === '' ? <p class="form-error" role="alert">No conversation to reply to.</p> : <QuickReplyApp bridge={bridge} conversationId={conversationId} />);
});
