// "Check my connection": runs the connection doctor on what the form holds and lists its steps,
// each with what was seen and, where something is wrong, what to do.
import { useState } from 'preact/hooks';
import { wordDoctor, type DoctorReport, type DoctorStatus } from '../../shared/doctor-report';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { t } from '../i18n';
import { errorMessage } from '../state/errors';

const statusLabel = (status: DoctorStatus): string => t('signIn.checkStatus', { status });

export function DoctorSteps({ report }: { readonly report: DoctorReport }) {
  return (
    <div class="doctor-result">
      <p class={`doctor-summary doctor-${report.verdict}`}>{wordDoctor(t, report.summary)}</p>
      <ol class="doctor-steps" aria-label={t('signIn.checkStepsLabel')}>
        {report.steps.map((step, index) => (
          <li key={index} class={`doctor-step doctor-${step.status}`} data-kind={step.kind}>
            <span class="doctor-status">{statusLabel(step.status)}</span>
            <div class="doctor-text">
              <strong>{wordDoctor(t, step.title)}</strong>
              <span class="doctor-seen">{wordDoctor(t, step.seen)}</span>
              {step.fix === undefined || step.status === 'ok' ? null : <span class="doctor-fix">{wordDoctor(t, step.fix)}</span>}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
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
  const [report, setReport] = useState<DoctorReport | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const run = async (): Promise<void> => {
    setReport(undefined);
    if (user.trim() === '') {
      setError(t('signIn.checkNeedsAddress'));
      return;
    }
    setError(undefined);
    setRunning(true);
    const result = await bridge.runDoctor({ ...(server.trim() === '' ? {} : { server: server.trim() }), user: user.trim(), ...(password === '' ? {} : { password }) });
    setRunning(false);
    if (result.ok) setReport(result.value);
    else setError(errorMessage(result.error));
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
        {error === undefined ? null : (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        {report === undefined ? null : <DoctorSteps report={report} />}
      </div>
    </section>
  );
}
