// Settings → Company certificates: the extra CA files sign-in trusts besides the OS's. "Add…" asks
// main, which shows the OS's file dialog and adds only a real PEM certificate; the page never
// names a file to read. Changes apply from the next sign-in on.
import { useEffect, useState } from 'preact/hooks';
import type { IpcError, UcwaBridge } from '../../shared/ipc-contract';
import { t } from '../i18n';
import { errorMessage, say, type Words } from '../state/errors';

/** Not the English message, which is for logs: any other error is worded like every window's. */
function errorText(error: IpcError): Words {
  return error.code === 'bad-ca-file' ? t('network.caFiles.notCertificate') : errorMessage(error);
}

export function CaFilesSection({ bridge }: { readonly bridge: UcwaBridge }) {
  const [files, setFiles] = useState<readonly string[]>([]);
  const [status, setStatus] = useState<{ readonly text: Words; readonly error: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void bridge.getCaFiles({}).then((result) => {
      if (result.ok) setFiles(result.value);
      else setStatus({ text: errorText(result.error), error: true });
    });
  }, [bridge]);

  const add = async (): Promise<void> => {
    setBusy(true);
    const before = files.length;
    const result = await bridge.addCaFile({});
    setBusy(false);
    if (!result.ok) {
      setStatus({ text: errorText(result.error), error: true });
      return;
    }
    setFiles(result.value);
    setStatus(result.value.length > before ? { text: t('network.caFiles.added'), error: false } : undefined);
  };

  const remove = async (file: string): Promise<void> => {
    const result = await bridge.removeCaFile({ file });
    if (result.ok) setFiles(result.value);
    setStatus(result.ok ? undefined : { text: errorText(result.error), error: true });
  };

  return (
    <fieldset>
      <legend>{t('network.caFiles.title')}</legend>
      <p class="hint">{t('network.caFiles.explain')}</p>
      {files.length === 0 ? (
        <p class="hint">{t('network.caFiles.none')}</p>
      ) : (
        <ul class="ca-files" aria-label={t('network.caFiles.listLabel')}>
          {files.map((file) => (
            <li key={file}>
              <span class="ca-file-path">{file}</span>
              <button type="button" aria-label={t('network.caFiles.removeLabel', { file })} onClick={() => void remove(file)}>
                {t('network.caFiles.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="diagnostics-actions">
        <button type="button" onClick={() => void add()} disabled={busy}>
          {t('network.caFiles.add')}
        </button>
      </div>
      <p class={status?.error === true ? 'form-error' : 'hint'} role="status">
        {say(status?.text) ?? ''}
      </p>
    </fieldset>
  );
}
