// Someone wants to chat and waits for an answer ("Accept incoming chats automatically" is off):
// who, their first line, and Accept / Decline. The popup lists every waiting one; a chat shows its own.
import { useState } from 'preact/hooks';
import type { ConversationSummary } from '../../shared/domain';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { recentConversations } from '../state/app-state';
import { t, tRich } from '../i18n';
import { errorMessage, say, type Words } from '../state/errors';

export function InvitationBar({ bridge, summary, openOnAccept }: { readonly bridge: UcwaBridge; readonly summary: ConversationSummary; readonly openOnAccept: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Words | undefined>(undefined);
  const first = summary.invitation?.firstMessage;
  const shown = say(error);
  const answer = async (accept: boolean): Promise<void> => {
    setBusy(true);
    const input = { conversationId: summary.id };
    const result = accept ? await bridge.acceptInvitation(input) : await bridge.declineInvitation(input);
    setBusy(false);
    if (!result.ok) setError(errorMessage(result.error));
    else if (accept && openOnAccept) void bridge.openConversation(input);
  };
  return (
    <div class="banner invitation" role="group" aria-label={t('common.wantsToChat', { name: summary.title })}>
      <span class="invitation-text">
        {first === undefined ? tRich('common.invitation', {}, { name: <strong>{summary.title}</strong> }) : tRich('common.invitationWithMessage', { message: first }, { name: <strong>{summary.title}</strong> })}
      </span>
      <span class="invitation-actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void answer(true)}>
          {t('common.accept')}
        </button>
        <button type="button" disabled={busy} onClick={() => void answer(false)}>
          {t('common.decline')}
        </button>
      </span>
      {shown === undefined ? null : (
        <span class="form-error" role="alert">
          {shown}
        </span>
      )}
    </div>
  );
}

/** Every invitation waiting for an answer, newest first. */
export function PendingInvitations({ bridge }: { readonly bridge: UcwaBridge }) {
  const waiting = recentConversations.value.filter((c) => c.invitation !== undefined);
  return (
    <>
      {waiting.map((summary) => (
        <InvitationBar key={summary.id} bridge={bridge} summary={summary} openOnAccept />
      ))}
    </>
  );
}
