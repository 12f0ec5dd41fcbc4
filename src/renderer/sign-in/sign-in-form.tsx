// Sign in with an address and password (the server is optional: it is discovered from the
// address), or try the built-in demo. Errors are shown inline, in plain words.
import { useState } from 'preact/hooks';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { canRememberPassword, settings } from '../state/app-state';
import { errorMessage, say, signInErrorText, type Words } from '../state/errors';
import { catalogPartShown, loadCatalogPart, t } from '../i18n';
import { ConnectionCheck } from './connection-check';
import { SignInMethodChooser } from './sign-in-method-chooser';
import type { ProxyCredentialsForm, ProxyQuestion } from './proxy-credentials-form';
import type { SignInMethodName } from '../../shared/domain';

/**
 * The proxy's question and its messages, loaded when a sign-in has met a 407 (after that round trip;
 * these are local chunks), so a window that never meets a proxy asking never loads them.
 */
async function loadProxyForm(): Promise<typeof ProxyCredentialsForm> {
  const [{ ProxyCredentialsForm: form }] = await Promise.all([import('./proxy-credentials-form'), loadCatalogPart('proxyCredentials')]);
  return form;
}

export function SignInForm({ bridge }: { readonly bridge: UcwaBridge }) {
  const account = settings.value?.account;
  const [server, setServer] = useState(account?.server ?? '');
  const [user, setUser] = useState(account?.user ?? '');
  const [password, setPassword] = useState('');
  const [method, setMethod] = useState<SignInMethodName>(account?.method ?? 'password');
  const [rememberMe, setRememberMe] = useState(settings.value?.rememberMe ?? false);
  const [busy, setBusy] = useState<'form' | 'demo' | undefined>(undefined);
  const [error, setError] = useState<Words | undefined>(undefined);
  /** A server outside the address's domain that sign-in would send the password to: ask first. */
  const [untrusted, setUntrusted] = useState<{ readonly host: string; readonly why: Words } | undefined>(undefined);
  /** The proxy answered 407: ask for its user name and password, then sign in again. */
  const [proxyQuestion, setProxyQuestion] = useState<{ readonly question: ProxyQuestion; readonly Form: typeof ProxyCredentialsForm } | undefined>(undefined);
  const [lastTrustHost, setLastTrustHost] = useState<string | undefined>(undefined);

  // Errors show once their words are in (state/errors.ts); the question too, since it says why.
  const shownError = say(error);
  const why = untrusted === undefined ? undefined : say(untrusted.why);

  const signIn = async (trustHost?: string): Promise<void> => {
    setBusy('form');
    setError(undefined);
    setUntrusted(undefined);
    setProxyQuestion(undefined);
    setLastTrustHost(trustHost);
    const result = await bridge.signIn({ ...(server.trim() === '' ? {} : { server: server.trim() }), user: user.trim(), password: method === 'password' ? password : '', ...(method === 'password' ? {} : { method }), rememberMe: rememberMe && canRememberPassword.value, ...(trustHost === undefined ? {} : { trustHost }) });
    if (result.ok) setPassword('');
    else if (result.error.code === 'untrusted-server' && result.error.host !== undefined && trustHost === undefined) {
      const host = result.error.host;
      setUntrusted({ host, why: errorMessage(result.error, (reason) => t('signIn.trustWhy', { host, reason })) });
    }
    else if ((result.error.code === 'proxy-auth-required' || result.error.code === 'proxy-auth-rejected') && result.error.host !== undefined) {
      const question = { host: result.error.host, rejected: result.error.code === 'proxy-auth-rejected' };
      try {
        setProxyQuestion({ question, Form: await loadProxyForm() });
      } catch (failure) {
        console.error('The proxy question did not load', failure);
        setError(signInErrorText(result.error, method));
      }
    } else setError(signInErrorText(result.error, method));
    setBusy(undefined);
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (user.trim() === '' || (method === 'password' && password === '')) {
      setError(t('signIn.missingFields'));
      return;
    }
    await signIn();
  };

  const demo = async (): Promise<void> => {
    setBusy('demo');
    setError(undefined);
    const result = await bridge.signInDemo({});
    setBusy(undefined);
    if (!result.ok) setError(errorMessage(result.error));
  };

  return (
    <main class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <form onSubmit={(e) => void submit(e)} aria-describedby={shownError === undefined ? undefined : 'sign-in-error'} noValidate>
        <label>
          {t('signIn.address')}
          <input type="email" name="user" autocomplete="username" placeholder="you@company.com" value={user} onInput={(e) => setUser(e.currentTarget.value)} required disabled={busy !== undefined} />
        </label>
        <SignInMethodChooser bridge={bridge} server={server} user={user} method={method} onChange={setMethod} disabled={busy !== undefined} />
        {method !== 'password' ? null : (
          <label>
            {t('signIn.password')}
            <input type="password" name="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required disabled={busy !== undefined} />
          </label>
        )}
        <label>
          {t('signIn.server')} <span class="hint">{t('signIn.serverHint')}</span>
          <input type="url" name="server" placeholder="https://lyncweb.company.com" value={server} onInput={(e) => setServer(e.currentTarget.value)} disabled={busy !== undefined} />
        </label>
        <label class="check">
          <input type="checkbox" name="remember" checked={rememberMe && canRememberPassword.value} disabled={!canRememberPassword.value || busy !== undefined} onChange={(e) => setRememberMe(e.currentTarget.checked)} />
          {t('signIn.rememberMe')}
        </label>
        {canRememberPassword.value ? null : <p class="hint" id="remember-hint">{t('signIn.noEncryptedStorage')}</p>}
        {shownError === undefined ? null : (
          <p class="form-error" id="sign-in-error" role="alert">
            {shownError}
          </p>
        )}
        {untrusted === undefined || why === undefined ? null : (
          <div class="trust-question" role="alertdialog" aria-labelledby="trust-title" aria-describedby="trust-why">
            <p id="trust-title">
              <strong>
                {t('signIn.trustQuestion', { host: untrusted.host, user: user.trim() })}
              </strong>
            </p>
            <p class="hint" id="trust-why">
              {why}
            </p>
            <div class="trust-actions">
              <button type="button" class="primary" onClick={() => void signIn(untrusted.host)}>
                {t('signIn.trustConfirm', { host: untrusted.host })}
              </button>
              <button type="button" onClick={() => setUntrusted(undefined)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
        <button type="submit" class="primary" disabled={busy !== undefined}>
          {busy === 'form' ? t('signIn.signingIn') : t('signIn.signIn')}
        </button>
      </form>
      {/* Only with its messages in: never a question of bare keys (a language change loads them too). */}
      {proxyQuestion === undefined || !catalogPartShown('proxyCredentials') ? null : <proxyQuestion.Form bridge={bridge} question={proxyQuestion.question} onSaved={() => void signIn(lastTrustHost)} onCancel={() => setProxyQuestion(undefined)} canRemember={canRememberPassword.value} />}
      <ConnectionCheck bridge={bridge} server={server} user={user} password={password} disabled={busy !== undefined} />
      <div class="demo">
        <p>{t('signIn.noServer')}</p>
        <button type="button" onClick={() => void demo()} disabled={busy !== undefined}>
          {busy === 'demo' ? t('signIn.startingDemo') : t('signIn.tryDemo')}
        </button>
      </div>
    </main>
  );
}
