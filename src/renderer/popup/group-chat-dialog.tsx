// "New group chat" in the popup: choose several people (and a subject) and start one chat with them.
import { useState } from 'preact/hooks';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { DialogFooter } from '../components/dialog-footer';
import { ModalDialog } from '../components/modal-dialog';
import { PeoplePicker } from '../components/people-picker';
import type { Words } from '../state/errors';
import type { DialogKit } from '../components/dialog-kit';
import { t } from '../i18n';

export function GroupChatDialog({ bridge, onClose, kit }: { readonly bridge: UcwaBridge; readonly onClose: () => void; readonly kit: DialogKit }) {
  const { errorMessage, say } = kit;
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [subject, setSubject] = useState('');
  const [error, setError] = useState<Words | undefined>(undefined);
  const start = async (): Promise<void> => {
    if (chosen.length < 2) {
      setError(t('groups.chooseTwo'));
      return;
    }
    const result = await bridge.startGroupChat({ uris: [...chosen], ...(subject.trim() === '' ? {} : { subject: subject.trim() }) });
    if (result.ok) onClose();
    else setError(errorMessage(result.error));
  };
  return (
    <ModalDialog labelId="group-chat-title" onClose={onClose}>
      <h2 id="group-chat-title">{t('groups.newGroupTitle')}</h2>
      <PeoplePicker chosen={chosen} onChange={setChosen} kit={kit} />
      <label class="field">
        {t('groups.subject')}
        <input type="text" maxLength={250} value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
      </label>
      <DialogFooter error={say(error)} confirmLabel={t('groups.start')} onConfirm={() => void start()} onCancel={onClose} />
    </ModalDialog>
  );
}
