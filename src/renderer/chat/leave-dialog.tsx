// "Leave" for a group chat: asked once (the others go on without us), then the conversation is left.
import { useState } from 'preact/hooks';
import { DialogFooter } from '../components/dialog-footer';
import { ModalDialog } from '../components/modal-dialog';
import type { Words } from '../state/errors';
import type { DialogKit } from '../components/dialog-kit';
import { t } from '../i18n';
import type { ChatModel } from '../state/chat-model';

export function LeaveDialog({ model, onClose, kit }: { readonly model: ChatModel; readonly onClose: () => void; readonly kit: DialogKit }) {
  const { errorMessage, say } = kit;
  const [error, setError] = useState<Words | undefined>(undefined);
  const leave = async (): Promise<void> => {
    const result = await model.bridge.leaveConversation({ conversationId: model.conversationId });
    if (result.ok) onClose();
    else setError(errorMessage(result.error));
  };
  return (
    <ModalDialog labelId="leave-title" onClose={onClose}>
      <h2 id="leave-title">{t('groups.leaveTitle')}</h2>
      <p>{t('groups.leaveConfirm')}</p>
      <DialogFooter error={say(error)} confirmLabel={t('groups.leave')} onConfirm={() => void leave()} onCancel={onClose} />
    </ModalDialog>
  );
}
