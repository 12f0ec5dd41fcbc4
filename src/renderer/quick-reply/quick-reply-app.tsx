// The small reply window a notification opens where the platform has no inline reply. Each window
// belongs to one conversation for its whole life (main opens one per conversation): its title,
// header and send target all come from that one id, so they can never disagree.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { conversations } from '../state/app-state';

export function QuickReplyApp({ bridge, conversationId }: { readonly bridge: UcwaBridge; readonly conversationId: string }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<{ readonly kind: 'idle' | 'sending' | 'sent' } | { readonly kind: 'failed'; readonly reason: string }>({ kind: 'idle' });
  const box = useRef<HTMLInputElement>(null);
  const summary = conversations.value.get(conversationId);
  const title = summary?.title ?? 'the conversation';
  useEffect(() => box.current?.focus(), []);
  useEffect(() => {
    document.title = `Reply to ${title}`;
  }, [title]);

  const send = async (): Promise<void> => {
    if (text.trim() === '') return;
    setState({ kind: 'sending' });
    const result = await bridge.sendMessage({ conversationId, text });
    if (!result.ok) {
      setState({ kind: 'failed', reason: result.error.message });
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
        Reply to {title}
        {summary?.lastMessage === undefined ? null : (
          <div class="hint quick-reply-last">
            {summary.lastMessage.fromName}: “{summary.lastMessage.text}”
          </div>
        )}
      </div>
      <div class="quick-reply-row">
        <input ref={box} aria-label="Reply" value={text} maxLength={8000} onInput={(e) => setText(e.currentTarget.value)} disabled={state.kind === 'sending'} />
        <button type="submit" class="primary" disabled={text.trim() === '' || state.kind === 'sending'}>
          Send
        </button>
      </div>
      {state.kind === 'failed' ? (
        <p class="form-error" role="alert">
          Not sent: {state.reason}
        </p>
      ) : null}
      <button type="button" class="link-button" onClick={() => void bridge.openConversation({ conversationId })}>
        Open the chat
      </button>
    </form>
  );
}
