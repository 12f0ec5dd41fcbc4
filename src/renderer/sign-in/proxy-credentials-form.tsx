// "Your proxy needs a user name and password": shown when sign-in met a 407. Main keeps what is
// typed here (encrypted when Remember is ticked) for the proxy that asked; then sign-in runs again.
import { useState } from 'preact/hooks';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { t } from '../i18n';

export interface ProxyQuestion {
  /** The proxy's host:port, as main named it. */
  readonly host: string;
  /** It turned down the credentials it had: say so. */
  readonly rejected: boolean;
}

export interface ProxyCredentialsFormProps {
  readonly bridge: UcwaBridge;
  readonly question: ProxyQuestion;
  /** Called once main has the credentials: the sign-in runs again. */
  readonly onSaved: () => void;
  readonly onCancel: () => void;
  /**
   * Whether main can keep the password encrypted (app state, passed in: this form is a chunk loaded
   * on demand, and importing the pages' state would split their shared chunks, issue #15).
   */
  readonly canRemember: boolean;
}

export function ProxyCredentialsForm({ bridge, question, onSaved, onCancel, canRemember }: ProxyCredentialsFormProps) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (user.trim() === '' || password === '') {
      setError(t('network.proxyAuth.missing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await bridge.setProxyCredentials({ proxy: question.host, user: user.trim(), password, remember: remember && canRemember });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setPassword('');
    onSaved();
  };

  return (
    <div class="trust-question proxy-credentials" role="alertdialog" aria-labelledby="proxy-title" aria-describedby="proxy-why">
      <form class="proxy-credentials-fields" onSubmit={(e) => void submit(e)} noValidate>
        <p id="proxy-title">
          <strong>{t('network.proxyAuth.title')}</strong>
        </p>
        <p class="hint" id="proxy-why">
          {question.rejected ? t('network.proxyAuth.rejected', { host: question.host }) : t('network.proxyAuth.explain', { host: question.host })}
        </p>
        <label>
          {t('network.proxyAuth.user')}
          <input type="text" name="proxy-user" autocomplete="off" value={user} onInput={(e) => setUser(e.currentTarget.value)} required disabled={busy} />
        </label>
        <label>
          {t('network.proxyAuth.password')}
          <input type="password" name="proxy-password" autocomplete="off" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required disabled={busy} />
        </label>
        <label class="check">
          <input type="checkbox" name="proxy-remember" checked={remember && canRemember} disabled={!canRemember || busy} onChange={(e) => setRemember(e.currentTarget.checked)} />
          {t('network.proxyAuth.remember')}
        </label>
        {error === undefined ? null : (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="trust-actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('network.proxyAuth.submit')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
