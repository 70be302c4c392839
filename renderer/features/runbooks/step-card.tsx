import type { RunbookStep } from '../../../shared/domain/runbook';
import { ErrorMessage } from '../../components/error-message';
import { paramsForStep, useRunbooksStore } from './runbooks.store';
import { ManualStepActions } from './manual-step-actions';
import { StepRunView } from './step-run-view';
import { useStepRunsStore } from './step-runs.store';

/** Renders one runbook step: its command, the action that fits its kind, and its latest run. */
export function StepCard({
  step,
  index,
  incidentId,
}: {
  step: RunbookStep;
  index: number;
  incidentId: string;
}) {
  const run = useStepRunsStore((state) => state.runs[step.id]);
  const { requestRun, cancelRun } = useStepRunsStore();
  const runbookId = useRunbooksStore((state) => state.runbook?.id ?? '');
  const params = useRunbooksStore((state) => state.params);

  return (
    <li className="step" data-step-id={step.id} aria-label={`Step ${index + 1}: ${step.title}`}>
      <div className="step-head">
        <span className="step-number mono">{index + 1}</span>
        <span className="step-title">{step.title}</span>
        <span className={`badge kind-${step.kind}`}>{step.kind}</span>
        {step.risk !== 'low' && <span className={`badge risk-${step.risk}`}>{step.risk}</span>}
        {step.kind === 'shell' && step.command && !run?.running && (
          <button
            type="button"
            onClick={() => void requestRun(runbookId, step, paramsForStep(step.params, params))}
          >
            Run…
          </button>
        )}
        {run?.running && (
          <button type="button" onClick={() => void cancelRun(incidentId, step.id)}>
            Cancel
          </button>
        )}
      </div>
      {step.command && <pre className="command mono">{step.command}</pre>}
      {!step.command && step.text && !step.text.startsWith(step.title) && (
        <p className="step-text">{step.text}</p>
      )}
      {(step.kind === 'query' || step.kind === 'http') && (
        <p className="muted">Firebreak shows {step.kind} steps but does not run them yet.</p>
      )}
      {step.kind === 'manual' && (
        <ManualStepActions
          incidentId={incidentId}
          runbookId={runbookId}
          stepId={step.id}
          manual={run?.manual ?? null}
        />
      )}
      {run?.error && <ErrorMessage error={run.error} />}
      {run && <StepRunView run={run} />}
    </li>
  );
}
