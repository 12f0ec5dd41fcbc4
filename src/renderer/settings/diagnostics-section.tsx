// Settings → Diagnostics: open the folder of the log files, or copy what IT needs (versions,
// connection, server, the last log lines; never a password) to the clipboard.
import { useState } from 'preact/hooks';
import type { UcwaBridge } from '../../shared/ipc-contract';

export function DiagnosticsSection({ bridge }: { readonly bridge: UcwaBridge }) {
  const [status, setStatus] = useState<{ readonly text: string; readonly error: boolean } | undefined>(undefined);

  const openFolder = async (): Promise<void> => {
    const result = await bridge.openLogFolder({});
    setStatus(result.ok ? undefined : { text: result.error.message, error: true });
  };

  const copy = async (): Promise<void> => {
    const result = await bridge.copyDiagnostics({});
    setStatus(result.ok ? { text: `Copied to the clipboard, with the last ${result.value.logLines} log lines. No password or message text is in it.`, error: false } : { text: result.error.message, error: true });
  };

  return (
    <fieldset>
      <legend>Diagnostics</legend>
      <p class="hint">The app keeps a log of its connection (never passwords or messages). Send it to IT when something does not work.</p>
      <div class="diagnostics-actions">
        <button type="button" onClick={() => void openFolder()}>
          Open log folder
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy diagnostics
        </button>
      </div>
      <p class={status?.error === true ? 'form-error' : 'hint'} role="status">
        {status?.text ?? ''}
      </p>
    </fieldset>
  );
}
