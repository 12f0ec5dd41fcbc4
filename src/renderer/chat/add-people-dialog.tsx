// "Add people" in a chat: choose people from the contact list to bring in (a two-party chat becomes
// a group). Loaded on demand with the other dialogs (src/renderer/components/dialogs.ts).
import { useState } from 'preact/hooks';
import { DialogFooter } from '../components/dialog-footer';
import { ModalDialog } from '../components/modal-dialog';
import { PeoplePicker } from '../components/people-picker';
import type { Words } from '../state/errors';
import type { DialogKit } from '../components/dialog-kit';
import { t } from '../i18n';
import type { ChatModel } from '../state/chat-model';

export function AddPeopleDialog({ model, onClose, kit }: { readonly model: ChatModel; readonly onClose: () => void; readonly kit: DialogKit }) {
  const { errorMessage, say } = kit;
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [error, setError] = useState<Words | undefined>(undefined);
  const present = (model.summary.value?.participants ?? []).map((p) => p.uri);
  const add = async (): Promise<void> => {
    if (chosen.length === 0) {
      setError(t('groups.chooseOne'));
      return;
    }
    const result = await model.bridge.addParticipants({ conversationId: model.conversationId, uris: [...chosen] });
    if (result.ok) onClose();
    else setError(errorMessage(result.error));
  };
  return (
    <ModalDialog labelId="add-people-title" onClose={onClose}>
      <h2 id="add-people-title">{t('groups.addPeopleTitle')}</h2>
      <PeoplePicker chosen={chosen} onChange={setChosen} exclude={present} kit={kit} />
      <DialogFooter error={say(error)} confirmLabel={t('groups.add')} onConfirm={() => void add()} onCancel={onClose} />
    </ModalDialog>
  );
}
