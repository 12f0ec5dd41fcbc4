// My photo, name, presence selector and note, with settings and sign-out.
import { useEffect, useState } from 'preact/hooks';
import { SETTABLE_AVAILABILITIES } from '../../shared/domain';
import type { SettableAvailability } from '../../shared/domain';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { Avatar } from '../components/avatar';
import { SettingsIcon, SignOutIcon } from '../components/icons';
import { me } from '../state/app-state';
import { t } from '../i18n';
import { availabilityLabel } from '../state/presence-labels';
import { errorMessage, type Words } from '../state/errors';

export function MeHeader({ bridge, onError }: { readonly bridge: UcwaBridge; readonly onError: (words: Words) => void }) {
  const self = me.value;
  const [note, setNote] = useState(self?.presence.note ?? '');
  useEffect(() => setNote(self?.presence.note ?? ''), [self?.presence.note]);
  if (self === undefined) return null;
  const availability = self.presence.availability;
  const selectable = (SETTABLE_AVAILABILITIES as readonly string[]).includes(availability);

  const choose = async (value: string): Promise<void> => {
    const result = await bridge.setPresence({ availability: value as SettableAvailability });
    if (!result.ok) onError(errorMessage(result.error));
  };
  const saveNote = async (): Promise<void> => {
    if (note === (self.presence.note ?? '')) return;
    const result = await bridge.setNote({ note });
    if (!result.ok) onError(errorMessage(result.error));
  };

  return (
    <header class="me">
      <Avatar name={self.name} photo={self.photo} availability={availability} size="large" />
      <div class="me-details">
        <div class="me-name">{self.name}</div>
        <label class="visually-hidden" for="my-presence">
          {t('popup.myPresence')}
        </label>
        <select id="my-presence" value={selectable ? availability : ''} onChange={(e) => void choose(e.currentTarget.value)}>
          {selectable ? null : <option value="">{availabilityLabel(availability)}</option>}
          {SETTABLE_AVAILABILITIES.map((a) => (
            <option value={a} key={a}>
              {availabilityLabel(a)}
            </option>
          ))}
        </select>
        <input
          class="me-note"
          aria-label={t('popup.myNote')}
          placeholder={t('popup.notePlaceholder')}
          maxLength={1024}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
          onBlur={() => void saveNote()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void saveNote();
          }}
        />
      </div>
      <div class="me-actions">
        <button type="button" class="icon-button" aria-label={t('popup.settings')} title={t('popup.settings')} onClick={() => void bridge.openSettings({})}>
          <SettingsIcon />
        </button>
        <button type="button" class="icon-button" aria-label={t('popup.signOut')} title={t('popup.signOut')} onClick={() => void bridge.signOut({})}>
          <SignOutIcon />
        </button>
      </div>
    </header>
  );
}
