// "Check my connection": runs the connection doctor on what the form holds and lists its steps,
// each with what was seen and, where something is wrong, what to do.
import { useState } from 'preact/hooks';
import type { DoctorReport } from '../../shared/doctor-report';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { catalogPartShown, loadCatalogPart, t } from '../i18n';
import { errorMessage, say, type Words } from '../state/errors';
import type { DoctorSteps } from './doctor-steps';

/**
 * The report's view and the doctor's messages, loaded while the check runs (it takes network round
 * trips; these are local chunks), so the window that never checks never loads them.
 */
async function loadReportView(): Promise<typeof DoctorSteps> {
  const [{ DoctorSteps: view }] = await Promise.all([import('./doctor-steps'), loadCatalogPart('doctor')]);
  return view;
}

export interface ConnectionCheckProps {
  readonly bridge: UcwaBridge;
  readonly server: string;
  readonly user: string;
  readonly password: string;
  readonly disabled: boolean;
}

export function ConnectionCheck({ bridge, server, user, password, disabled }: ConnectionCheckProps) {
  const [running, setRunning] = useState(false);
  const [shown, setShown] = useState<{ readonly report: DoctorReport; readonly View: typeof DoctorSteps } | undefined>(undefined);
  const [error, setError] = useState<Words | undefined>(undefined);
  const shownError = say(error);

  const run = async (): Promise<void> => {
    setShown(undefined);
    if (user.trim() === '') {
      setError(t('signIn.checkNeedsAddress'));
      return;
    }
    setError(undefined);
    setRunning(true);
    const view = loadReportView();
    // Not left unhandled while the check runs; awaited (and its failure shown) below.
    view.catch(() => undefined);
    const result = await bridge.runDoctor({ ...(server.trim() === '' ? {} : { server: server.trim() }), user: user.trim(), ...(password === '' ? {} : { password }) });
    if (!result.ok) {
      setRunning(false);
      setError(errorMessage(result.error));
      return;
    }
    try {
      const View = await view;
      setShown({ report: result.value, View });
    } catch (failure) {
      console.error('The connection check\'s report did not load', failure);
      setError(errorMessage({ code: 'internal', message: 'The connection check\'s report did not load' }));
    }
    setRunning(false);
  };

  return (
    <section class="doctor" aria-label={t('signIn.checkLabel')}>
      <div class="doctor-head">
        <button type="button" onClick={() => void run()} disabled={disabled || running}>
          {running ? t('signIn.checking') : t('signIn.checkConnection')}
        </button>
        <span class="hint">{t('signIn.checkHint')}</span>
      </div>
      <div aria-live="polite">
        {shownError === undefined ? null : (
          <p class="form-error" role="alert">
            {shownError}
          </p>
        )}
        {/* Only with the doctor's messages in: never a report of bare keys (a language change loads them too). */}
        {shown === undefined || !catalogPartShown('doctor') ? null : <shown.View report={shown.report} />}
      </div>
    </section>
  );
}
