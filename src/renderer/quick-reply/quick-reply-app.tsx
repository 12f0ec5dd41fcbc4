// The small reply window a notification opens where the platform has no inline reply. Each window
// belongs to one conversation for its whole life (main opens one per conversation): its title,
// header and send target all come from that one id, so they can never disagree.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { conversations } from '../state/app-state';
import { t } from '../i18n';
import { errorMessage, say, type Words } from '../state/errors';

export function QuickReplyApp({ bridge, conversationId }: { readonly bridge: UcwaBridge; readonly conversationId: string }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<{ readonly kind: 'idle' | 'sending' | 'sent' } | { readonly kind: 'failed'; readonly reason: Words }>({ kind: 'idle' });
  const box = useRef<HTMLInputElement>(null);
  const summary = conversations.value.get(conversationId);
  const failure = state.kind === 'failed' ? say(state.reason) : undefined;
  const heading = summary === undefined ? t('quickReply.titleUnknown') : t('quickReply.title', { title: summary.title });
  useEffect(() => box.current?.focus(), []);
  useEffect(() => {
    document.title = heading;
  }, [heading]);

  const send = async (): Promise<void> => {
    if (text.trim() === '') return;
    setState({ kind: 'sending' });
    const result = await bridge.sendMessage({ conversationId, text });
    if (!result.ok) {
      setState({ kind: 'failed', reason: errorMessage(result.error, (reason) => t('quickReply.notSent', { reason })) });
      return;
    }
    setText('');
    setState({ kind: 'sent' });
    void bridge.hideWindow({});
  };

  return (
    <form
      class="quick-reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') void bridge.hideWindow({});
      }}
    >
      <div class="quick-reply-title">
        {heading}
        {summary?.lastMessage === undefined ? null : (
          <div class="hint quick-reply-last">
            {t('quickReply.lastMessage', { name: summary.lastMessage.fromName, text: summary.lastMessage.text })}
          </div>
        )}
      </div>
      <div class="quick-reply-row">
        <input ref={box} aria-label={t('quickReply.replyLabel')} value={text} maxLength={8000} onInput={(e) => setText(e.currentTarget.value)} disabled={state.kind === 'sending'} />
        <button type="submit" class="primary" disabled={text.trim() === '' || state.kind === 'sending'}>
          {t('common.send')}
        </button>
      </div>
      {failure === undefined ? null : (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="button" class="link-button" onClick={() => void bridge.openConversation({ conversationId })}>
        {t('quickReply.openChat')}
      </button>
    </form>
  );
}
