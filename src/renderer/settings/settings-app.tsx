// Settings: every change is saved at once through updateSettings; main pushes the result back.
import { useState } from 'preact/hooks';
import type { NotificationSettings, Settings } from '../../shared/domain';
import type { MethodInput, UcwaBridge } from '../../shared/ipc-contract';
import { canRememberPassword, me, presenceNote, settings, settingsNotice } from '../state/app-state';
import { CaFilesSection } from './ca-files-section';
import { DiagnosticsSection } from './diagnostics-section';
import { t } from '../i18n';
import { LanguageSection } from './language-section';
import { errorMessage, say, type Words } from '../state/errors';
import { wordAll } from '../../shared/catalog-text';

type Patch = MethodInput<'updateSettings'>;

function Toggle({ label, checked, hint, disabled, onChange }: { readonly label: string; readonly checked: boolean; readonly hint?: string | undefined; readonly disabled?: boolean; readonly onChange: (value: boolean) => void }) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} disabled={disabled === true} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>
        {label}
        {hint === undefined ? null : <span class="hint"> {hint}</span>}
      </span>
    </label>
  );
}

export function SettingsApp({ bridge }: { readonly bridge: UcwaBridge }) {
  const [error, setError] = useState<Words | undefined>(undefined);
  const shownError = say(error);
  const current: Settings | undefined = settings.value;
  if (current === undefined) return <p class="empty">{t('common.loading')}</p>;
  const update = async (patch: Patch): Promise<void> => {
    const result = await bridge.updateSettings(patch);
    if (result.ok) {
      settings.value = result.value;
      setError(undefined);
    } else setError(errorMessage(result.error));
  };
  const notify = (patch: Partial<NotificationSettings>): void => void update({ notifications: patch });
  const n = current.notifications;
  return (
    <main class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {settingsNotice.value === undefined ? null : (
        <p class="banner" role="status" data-testid="settings-notice">
          {wordAll(t, settingsNotice.value)}
        </p>
      )}
      {shownError === undefined ? null : (
        <p class="form-error" role="alert">
          {shownError}
        </p>
      )}
      <fieldset>
        <legend>{t('settings.account')}</legend>
        <p>
          {me.value === undefined ? t('settings.notSignedIn') : t('settings.signedInAs', { name: me.value.name, user: current.account.user })}
          {current.account.server === '' ? null : <span class="hint"> {t('settings.onServer', { server: current.account.server })}</span>}
        </p>
        <Toggle label={t('settings.rememberMe')} checked={current.rememberMe && canRememberPassword.value} disabled={!canRememberPassword.value} hint={canRememberPassword.value ? undefined : t('settings.noEncryptedStorage')} onChange={(v) => void update({ rememberMe: v })} />
        {current.trustedDomains.length === 0 ? null : (
          <div class="trusted-servers">
            <p>{t('settings.approvedServers')}</p>
            <ul aria-label={t('settings.approvedServersLabel')}>
              {current.trustedDomains.map((host) => (
                <li key={host}>
                  {host}{' '}
                  <button type="button" class="link-button" aria-label={t('settings.stopTrusting', { host })} onClick={() => void update({ trustedDomains: current.trustedDomains.filter((h) => h !== host) })}>
                    {t('settings.remove')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('settings.notifications')}</legend>
        <Toggle label={t('settings.showNotifications')} checked={n.enabled} onChange={(v) => notify({ enabled: v })} />
        <Toggle label={t('settings.playSound')} checked={n.sound} disabled={!n.enabled} onChange={(v) => notify({ sound: v })} />
        <Toggle label={t('settings.showMessageText')} checked={n.showMessageText} disabled={!n.enabled} onChange={(v) => notify({ showMessageText: v })} />
        <Toggle label={t('settings.quietWhenBusy')} hint={t('settings.quietWhenBusyHint')} checked={n.suppressWhenBusy} disabled={!n.enabled} onChange={(v) => notify({ suppressWhenBusy: v })} />
      </fieldset>
      <fieldset>
        <legend>{t('settings.chats')}</legend>
        <Toggle label={t('settings.acceptAutomatically')} hint={t('settings.acceptAutomaticallyHint')} checked={current.acceptChatsAutomatically} onChange={(v) => void update({ acceptChatsAutomatically: v })} />
      </fieldset>
      <fieldset>
        <legend>{t('settings.startUp')}</legend>
        <Toggle label={t('settings.autoStart')} checked={current.autoStart} onChange={(v) => void update({ autoStart: v })} />
        <Toggle label={t('settings.startHidden')} checked={current.startHidden} onChange={(v) => void update({ startHidden: v })} />
        {presenceNote.value === undefined ? null : <p class="hint" data-testid="presence-note">{presenceNote.value}</p>}
      </fieldset>
      <LanguageSection current={current.language} onChange={(language) => void update({ language })} />
      <CaFilesSection bridge={bridge} />
      <DiagnosticsSection bridge={bridge} />
    </main>
  );
}
