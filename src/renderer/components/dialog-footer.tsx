import { t } from '../i18n';

/** The end of a form dialog: what went wrong (announced), then Cancel and the dialog's own action. */
export function DialogFooter({ error, confirmLabel, onConfirm, onCancel }: { readonly error: string | undefined; readonly confirmLabel: string; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  return (
    <>
      {error === undefined ? null : (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="card-actions">
        <button type="button" onClick={onCancel}>
          {t('groups.cancel')}
        </button>
        <button type="button" class="primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </>
  );
}
