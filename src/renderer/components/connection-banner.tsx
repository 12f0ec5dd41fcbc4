// Says, in plain words, when the app is not connected (counting down to the next attempt); silent
// otherwise. When the server has ended the session for good, it offers to sign in again.
import { useEffect, useState } from 'preact/hooks';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { connection } from '../state/app-state';
import { t } from '../i18n';
import { connectionLabel } from '../state/presence-labels';

export function ConnectionBanner({ bridge }: { readonly bridge?: UcwaBridge }) {
  const info = connection.value;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (info.nextAttemptAt === undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [info.nextAttemptAt]);
  const text = connectionLabel(info, now);
  if (text === undefined) return null;
  return (
    <div class={`banner banner-${info.state}`} role="status">
      {text}
      {info.state === 'failed' && bridge !== undefined ? (
        <>
          {' '}
          <button type="button" class="link-button" onClick={() => void bridge.signOut({})}>
            {t('common.signInAgain')}
          </button>
        </>
      ) : null}
    </div>
  );
}
