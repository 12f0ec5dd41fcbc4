// Settings → Diagnostics: open the folder of the log files, or copy what IT needs (versions,
// connection, server, the last log lines; never a password) to the clipboard.
import { useState } from 'preact/hooks';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { t } from '../i18n';
import { errorMessage, say, type Words } from '../state/errors';

export function DiagnosticsSection({ bridge }: { readonly bridge: UcwaBridge }) {
  const [status, setStatus] = useState<{ readonly text: Words; readonly error: boolean } | undefined>(undefined);

  const openFolder = async (): Promise<void> => {
    const result = await bridge.openLogFolder({});
    setStatus(result.ok ? undefined : { text: errorMessage(result.error), error: true });
  };

  const copy = async (): Promise<void> => {
    const result = await bridge.copyDiagnostics({});
    setStatus(result.ok ? { text: t('settings.copied', { count: result.value.logLines }), error: false } : { text: errorMessage(result.error), error: true });
  };

  return (
    <fieldset>
      <legend>{t('settings.diagnostics')}</legend>
      <p class="hint">{t('settings.diagnosticsHint')}</p>
      <div class="diagnostics-actions">
        <button type="button" onClick={() => void openFolder()}>
          {t('settings.openLogFolder')}
        </button>
        <button type="button" onClick={() => void copy()}>
          {t('settings.copyDiagnostics')}
        </button>
      </div>
      <p class={status?.error === true ? 'form-error' : 'hint'} role="status">
        {say(status?.text) ?? ''}
      </p>
    </fieldset>
  );
}
