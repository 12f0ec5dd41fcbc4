// The chat header's buttons: the other person's contact card (two-party chats), "Add people", and "Leave" (group chats).
import type { Person } from '../../shared/domain';
import { t } from '../i18n';
import type { ChatModel } from '../state/chat-model';

export function HeaderActions({ model, onCard, onAdd, onLeave }: { readonly model: ChatModel; readonly onCard: (person: Person) => void; readonly onAdd: () => void; readonly onLeave: () => void }) {
  const summary = model.summary.value;
  const other = summary?.group === true ? undefined : (model.participants.value[0] ?? summary?.participants[0]);
  return (
    <div class="header-actions">
      {other === undefined ? null : (
        <button type="button" class="link-button" onClick={() => onCard(other)} aria-label={t('contactCard.openFor', { name: other.name })}>
          {t('contactCard.open')}
        </button>
      )}
      <button type="button" class="link-button" onClick={onAdd}>
        {t('groups.addPeople')}
      </button>
      {summary?.group === true ? (
        <button type="button" class="link-button" onClick={onLeave} aria-label={t('groups.leaveTitle')}>
          {t('groups.leave')}
        </button>
      ) : null}
    </div>
  );
}
