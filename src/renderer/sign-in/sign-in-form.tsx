// Sign in with an address and password (the server is optional: it is discovered from the
// address), or try the built-in demo. Errors are shown inline, in plain words.
import { useState } from 'preact/hooks';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { canRememberPassword, settings } from '../state/app-state';
import { signInErrorText } from '../state/errors';
import { ConnectionCheck } from './connection-check';
import { SignInMethodChooser } from './sign-in-method-chooser';
import type { SignInMethodName } from '../../shared/domain';

export function SignInForm({ bridge }: { readonly bridge: UcwaBridge }) {
  const account = settings.value?.account;
  const [server, setServer] = useState(account?.server ?? '');
  const [user, setUser] = useState(account?.user ?? '');
  const [password, setPassword] = useState('');
  const [method, setMethod] = useState<SignInMethodName>(account?.method ?? 'password');
  const [rememberMe, setRememberMe] = useState(settings.value?.rememberMe ?? false);
  const [busy, setBusy] = useState<'form' | 'demo' | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  /** A server outside the address's domain that sign-in would send the password to: ask first. */
  const [untrusted, setUntrusted] = useState<{ readonly host: string; readonly why: string } | undefined>(undefined);

  const signIn = async (trustHost?: string): Promise<void> => {
    setBusy('form');
    setError(undefined);
    setUntrusted(undefined);
    const result = await bridge.signIn({ ...(server.trim() === '' ? {} : { server: server.trim() }), user: user.trim(), password: method === 'password' ? password : '', ...(method === 'password' ? {} : { method }), rememberMe: rememberMe && canRememberPassword.value, ...(trustHost === undefined ? {} : { trustHost }) });
    setBusy(undefined);
    if (result.ok) setPassword('');
    else if (result.error.code === 'untrusted-server' && result.error.host !== undefined && trustHost === undefined) setUntrusted({ host: result.error.host, why: result.error.message });
    else setError(signInErrorText(result.error));
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (user.trim() === '' || (method === 'password' && password === '')) {
      setError('Enter your sign-in address and password.');
      return;
    }
    await signIn();
  };

  const demo = async (): Promise<void> => {
    setBusy('demo');
    setError(undefined);
    const result = await bridge.signInDemo({});
    setBusy(undefined);
    if (!result.ok) setError(signInErrorText(result.error));
  };

  return (
    <main class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Skype for Business</h1>
      <form onSubmit={(e) => void submit(e)} aria-describedby={error === undefined ? undefined : 'sign-in-error'} noValidate>
        <label>
          Sign-in address
          <input type="email" name="user" autocomplete="username" placeholder="you@company.com" value={user} onInput={(e) => setUser(e.currentTarget.value)} required disabled={busy !== undefined} />
        </label>
        <SignInMethodChooser bridge={bridge} server={server} user={user} method={method} onChange={setMethod} disabled={busy !== undefined} />
        {method !== 'password' ? null : (
          <label>
            Password
            <input type="password" name="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required disabled={busy !== undefined} />
          </label>
        )}
        <label>
          Server <span class="hint">(optional: found from your address)</span>
          <input type="url" name="server" placeholder="https://lyncweb.company.com" value={server} onInput={(e) => setServer(e.currentTarget.value)} disabled={busy !== undefined} />
        </label>
        <label class="check">
          <input type="checkbox" name="remember" checked={rememberMe && canRememberPassword.value} disabled={!canRememberPassword.value || busy !== undefined} onChange={(e) => setRememberMe(e.currentTarget.checked)} />
          Remember me
        </label>
        {canRememberPassword.value ? null : <p class="hint" id="remember-hint">This system offers no encrypted storage, so your password will not be saved.</p>}
        {error === undefined ? null : (
          <p class="form-error" id="sign-in-error" role="alert">
            {error}
          </p>
        )}
        {untrusted === undefined ? null : (
          <div class="trust-question" role="alertdialog" aria-labelledby="trust-title" aria-describedby="trust-why">
            <p id="trust-title">
              <strong>
                Sign in to {untrusted.host} for {user.trim()}?
              </strong>
            </p>
            <p class="hint" id="trust-why">
              The app cannot verify that this server is trusted for your sign-in address, so it has not sent your password. Say yes only if {untrusted.host} is your company's server. ({untrusted.why})
            </p>
            <div class="trust-actions">
              <button type="button" class="primary" onClick={() => void signIn(untrusted.host)}>
                Sign in to {untrusted.host}
              </button>
              <button type="button" onClick={() => setUntrusted(undefined)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        <button type="submit" class="primary" disabled={busy !== undefined}>
          {busy === 'form' ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <ConnectionCheck bridge={bridge} server={server} user={user} password={password} disabled={busy !== undefined} />
      <div class="demo">
        <p>No server at hand?</p>
        <button type="button" onClick={() => void demo()} disabled={busy !== undefined}>
          {busy === 'demo' ? 'Starting the demo…' : 'Try the demo'}
        </button>
      </div>
    </main>
  );
}
