// "Sign in with Windows", "Sign in with your organization", "Password": the methods the server's
// challenge offers (asked through the connection doctor, which stops before any credential), with
// the last choice preselected. Until the server has been asked (or when the last choice was not the
// password), the form stays the plain password form.
import { useState } from 'preact/hooks';
import { SIGN_IN_METHODS } from '../../shared/domain';
import type { SignInMethodName } from '../../shared/domain';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { t } from '../i18n';
import { errorMessage, say, type Words } from '../state/errors';

const GRANT: Readonly<Record<SignInMethodName, string>> = { windows: 'urn:microsoft.rtc:windows', passive: 'urn:microsoft.rtc:passive', password: 'password' };
const ORDER: readonly SignInMethodName[] = ['windows', 'passive', 'password'];
const LABEL = { windows: 'corporateNetwork.method.windows', passive: 'corporateNetwork.method.passive', password: 'corporateNetwork.method.password' } as const;

/** The methods a challenge's grant types allow, in the order the page shows them. */
export function offeredMethods(grantTypes: readonly string[] | undefined): SignInMethodName[] {
  if (grantTypes === undefined || grantTypes.length === 0) return [...ORDER];
  const offered = ORDER.filter((m) => grantTypes.includes(GRANT[m]));
  return offered.length === 0 ? [...ORDER] : offered;
}

export interface SignInMethodChooserProps {
  readonly bridge: UcwaBridge;
  readonly server: string;
  readonly user: string;
  readonly method: SignInMethodName;
  readonly onChange: (method: SignInMethodName) => void;
  readonly disabled: boolean;
}

export function SignInMethodChooser({ bridge, server, user, method, onChange, disabled }: SignInMethodChooserProps) {
  const [offered, setOffered] = useState<readonly SignInMethodName[] | undefined>(method === 'password' ? undefined : ORDER);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<Words | undefined>(undefined);

  const shownNote = say(note);

  const find = async (): Promise<void> => {
    setAsking(true);
    const result = await bridge.runDoctor({ user: user.trim(), ...(server.trim() === '' ? {} : { server: server.trim() }) });
    setAsking(false);
    if (!result.ok) {
      setNote(errorMessage(result.error));
      return;
    }
    const methods = offeredMethods(result.value.grantTypes);
    setOffered(methods);
    setNote(t('corporateNetwork.method.offered', { count: methods.length }));
    if (!methods.includes(method) && methods[0] !== undefined) onChange(methods[0]);
  };

  return (
    <fieldset class="sign-in-methods">
      <legend>{t('corporateNetwork.method.legend')}</legend>
      {(offered ?? []).filter((m) => (SIGN_IN_METHODS as readonly string[]).includes(m)).map((m) => (
        <label key={m} class="check">
          <input type="radio" name="method" value={m} checked={method === m} disabled={disabled} onChange={() => onChange(m)} />
          {t(LABEL[m])}
        </label>
      ))}
      <button type="button" onClick={() => void find()} disabled={disabled || asking || user.trim() === ''}>
        {asking ? t('corporateNetwork.method.finding') : t('corporateNetwork.method.find')}
      </button>
      {shownNote === undefined ? null : (
        <p class="hint" role="status">
          {shownNote}
        </p>
      )}
    </fieldset>
  );
}
