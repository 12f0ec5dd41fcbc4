// Enter sends, Shift+Enter starts a new line; typing is announced while the user types.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatModel } from '../state/chat-model';
import { t } from '../i18n';

export function Composer({ model, offline }: { readonly model: ChatModel; readonly offline: boolean }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  // A chat window opens to write in it.
  useEffect(() => box.current?.focus(), []);

  const send = async (): Promise<void> => {
    if (text.trim() === '' || sending) return;
    setSending(true);
    const sent = await model.send(text);
    setSending(false);
    if (sent) setText('');
    box.current?.focus();
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <textarea
        ref={box}
        aria-label={t('chat.messageLabel')}
        placeholder={offline ? t('chat.placeholderOffline') : t('chat.placeholder')}
        rows={2}
        maxLength={8000}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          if (e.currentTarget.value !== '') model.typing();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" class="primary" disabled={text.trim() === '' || sending}>
        {t('common.send')}
      </button>
    </form>
  );
}
