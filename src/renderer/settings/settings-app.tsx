// Settings: every change is saved at once through updateSettings; main pushes the result back.
import { useState } from 'preact/hooks';
import type { NotificationSettings, Settings } from '../../shared/domain';
import type { MethodInput, UcwaBridge } from '../../shared/ipc-contract';
import { canRememberPassword, me, presenceNote, settings, settingsNotice } from '../state/app-state';
import { DiagnosticsSection } from './diagnostics-section';

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
  const [error, setError] = useState<string | undefined>(undefined);
  const current: Settings | undefined = settings.value;
  if (current === undefined) return <p class="empty">Loading…</p>;
  const update = async (patch: Patch): Promise<void> => {
    const result = await bridge.updateSettings(patch);
    if (result.ok) {
      settings.value = result.value;
      setError(undefined);
    } else setError(result.error.message);
  };
  const notify = (patch: Partial<NotificationSettings>): void => void update({ notifications: patch });
  const n = current.notifications;
  return (
    <main class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {settingsNotice.value === undefined ? null : (
        <p class="banner" role="status" data-testid="settings-notice">
          {settingsNotice.value}
        </p>
      )}
      {error === undefined ? null : (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <fieldset>
        <legend>Account</legend>
        <p>
          {me.value === undefined ? 'Not signed in.' : `Signed in as ${me.value.name} (${current.account.user})`}
          {current.account.server === '' ? null : <span class="hint"> on {current.account.server}</span>}
        </p>
        <Toggle label="Remember me on this computer" checked={current.rememberMe && canRememberPassword.value} disabled={!canRememberPassword.value} hint={canRememberPassword.value ? undefined : '(no encrypted storage here: the password is not saved)'} onChange={(v) => void update({ rememberMe: v })} />
        {current.trustedDomains.length === 0 ? null : (
          <div class="trusted-servers">
            <p>Servers you approved for your password, besides your address's domain:</p>
            <ul aria-label="Approved servers">
              {current.trustedDomains.map((host) => (
                <li key={host}>
                  {host}{' '}
                  <button type="button" class="link-button" aria-label={`Stop trusting ${host}`} onClick={() => void update({ trustedDomains: current.trustedDomains.filter((h) => h !== host) })}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Notifications</legend>
        <Toggle label="Show notifications for new messages" checked={n.enabled} onChange={(v) => notify({ enabled: v })} />
        <Toggle label="Play a sound" checked={n.sound} disabled={!n.enabled} onChange={(v) => notify({ sound: v })} />
        <Toggle label="Show the message text" checked={n.showMessageText} disabled={!n.enabled} onChange={(v) => notify({ showMessageText: v })} />
        <Toggle label="Quiet while I am Busy" hint="(always quiet in Do not disturb)" checked={n.suppressWhenBusy} disabled={!n.enabled} onChange={(v) => notify({ suppressWhenBusy: v })} />
      </fieldset>
      <fieldset>
        <legend>Chats</legend>
        <Toggle label="Accept incoming chats automatically" hint="(off: Accept or Decline each one)" checked={current.acceptChatsAutomatically} onChange={(v) => void update({ acceptChatsAutomatically: v })} />
      </fieldset>
      <fieldset>
        <legend>Start-up</legend>
        <Toggle label="Start when I sign in to the computer" checked={current.autoStart} onChange={(v) => void update({ autoStart: v })} />
        <Toggle label="Start hidden in the tray" checked={current.startHidden} onChange={(v) => void update({ startHidden: v })} />
        {presenceNote.value === undefined ? null : <p class="hint" data-testid="presence-note">{presenceNote.value}</p>}
      </fieldset>
      <DiagnosticsSection bridge={bridge} />
    </main>
  );
}
