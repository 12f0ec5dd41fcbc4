// The contact card (popup and chat header): photo, name, title, department, office, email and
// phones (each a mailto:/tel: link, which main opens through the external-link allowlist, and a
// Copy button), presence with note and location, and "Send message".
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ContactCard } from '../../shared/domain';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { t } from '../i18n';
import type { Words } from '../state/errors';
import type { DialogKit } from './dialog-kit';
import { ModalDialog } from './modal-dialog';

function CopyButton({ bridge, value, onStatus, errorMessage }: { readonly bridge: UcwaBridge; readonly value: string; readonly onStatus: (text: Words) => void; readonly errorMessage: DialogKit['errorMessage'] }) {
  return (
    <button
      type="button"
      class="link-button card-copy"
      aria-label={t('contactCard.copy', { value })}
      onClick={() => void bridge.copyText({ text: value }).then((r) => onStatus(r.ok ? t('contactCard.copied', { value }) : errorMessage(r.error, (reason) => t('contactCard.copyFailed', { reason }))))}
    >
      ⧉
    </button>
  );
}

function Field({ label, children }: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function ContactCardDialog({ bridge, uri, name, onClose, canMessage = true, kit }: { readonly bridge: UcwaBridge; readonly uri: string; readonly name: string; readonly onClose: () => void; readonly canMessage?: boolean; readonly kit: DialogKit }) {
  const { errorMessage, say, availabilityLabel, Avatar } = kit;
  const [card, setCard] = useState<ContactCard | undefined>(undefined);
  const [error, setError] = useState<Words | undefined>(undefined);
  const [status, setStatus] = useState<Words>('');
  const shownError = say(error);
  useEffect(() => {
    let current = true;
    void bridge.getContactCard({ uri }).then((r) => {
      if (!current) return;
      if (r.ok) setCard(r.value);
      else setError(errorMessage(r.error));
    });
    return () => {
      current = false;
    };
  }, [bridge, uri]);
  const shown = card?.name ?? name;
  const presence = card?.presence;
  return (
    <ModalDialog labelId="contact-card-name" onClose={onClose} className="contact-card">
      <div class="card-head">
        <Avatar name={shown} photo={card?.photo} availability={presence?.availability} size="large" />
        <div>
          <h2 id="contact-card-name" aria-label={t('contactCard.dialogLabel', { name: shown })}>
            {shown}
          </h2>
          {presence === undefined ? null : <p class="card-presence">{availabilityLabel(presence.availability)}</p>}
        </div>
        <button type="button" class="link-button card-close" onClick={onClose} aria-label={t('contactCard.close')}>
          ✕
        </button>
      </div>
      {error !== undefined ? (
        // Once its words are in (a few ms; state/errors.ts).
        shownError === undefined ? null : (
          <p class="form-error" role="alert">
            {shownError}
          </p>
        )
      ) : card === undefined ? (
        <p role="status">{t('contactCard.loading')}</p>
      ) : (
        <dl class="card-fields">
          {card.title === undefined ? null : <Field label={t('contactCard.title')}>{card.title}</Field>}
          {card.department === undefined ? null : <Field label={t('contactCard.department')}>{card.department}</Field>}
          {card.company === undefined ? null : <Field label={t('contactCard.company')}>{card.company}</Field>}
          {card.office === undefined ? null : <Field label={t('contactCard.office')}>{card.office}</Field>}
          {presence?.note === undefined ? null : <Field label={t('contactCard.note')}>{presence.note}</Field>}
          {presence?.location === undefined ? null : <Field label={t('contactCard.location')}>{presence.location}</Field>}
          {(card.emails ?? []).map((email) => (
            <Field key={`e-${email}`} label={t('contactCard.email')}>
              <a href={`mailto:${email}`}>{email}</a> <CopyButton bridge={bridge} value={email} onStatus={setStatus} errorMessage={errorMessage} />
            </Field>
          ))}
          {(card.phones ?? []).map((phone) => (
            <Field key={`p-${phone.number}`} label={t('contactCard.phone', { type: ['work', 'mobile', 'home'].includes(phone.type) ? phone.type : 'other' })}>
              <a href={`tel:${phone.number.replace(/[^\d+]/g, '')}`}>{phone.number}</a> <CopyButton bridge={bridge} value={phone.number} onStatus={setStatus} errorMessage={errorMessage} />
            </Field>
          ))}
          <Field label={t('contactCard.address')}>{card.uri.replace(/^sip:/i, '')}</Field>
        </dl>
      )}
      <p class="card-status" role="status" aria-live="polite">
        {say(status)}
      </p>
      {canMessage ? (
        <div class="card-actions">
          <button
            type="button"
            class="primary"
            onClick={() =>
              void bridge.openChat({ uri }).then((r) => {
                if (r.ok) onClose();
                else setError(errorMessage(r.error));
              })
            }
          >
            {t('contactCard.sendMessage')}
          </button>
        </div>
      ) : null}
    </ModalDialog>
  );
}
