// The connection doctor's report, step by step: what was seen and, where something is wrong, what
// to do. Loaded with the doctor's messages only when a report is shown (connection-check.tsx): the
// report is the catalog's largest area, and the check's round trips take longer than the load.
import { wordDoctor, type DoctorReport, type DoctorStatus } from '../../shared/doctor-report';
import { t } from '../i18n';

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
