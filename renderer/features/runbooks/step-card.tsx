import { useEffect, useRef } from 'react';
import type { RunbookStep } from '../../../shared/domain/runbook';
import { ErrorMessage } from '../../components/error-message';
import { formatLocal, formatUtc } from '../../lib/time';
import { paramsForStep, useRunbooksStore } from './runbooks.store';
import { ManualStepActions } from './manual-step-actions';
import { isRunnableStep } from './query-result';
import { SkipForm } from './skip-form';
import { StepRunView } from './step-run-view';
import { repeatsTitle } from './step-groups';
import { useStepRunsStore } from './step-runs.store';

/**
 * Renders one runbook step: its command, the actions that fit its kind, and its latest run.
 * The current step is highlighted, kept in view, and shows the keys that act on it.
 */
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
  const skipping = useStepRunsStore((state) => state.skippingStepId === step.id);
  const { requestRun, cancelRun, startSkip } = useStepRunsStore();
  const runbookId = useRunbooksStore((state) => state.runbook?.id ?? '');
  const params = useRunbooksStore((state) => state.params);
  const current = useRunbooksStore((state) => state.currentStepId === step.id);
  const setCurrent = useRunbooksStore((state) => state.setCurrent);
  const ref = useRef<HTMLLIElement>(null);
  const closed = Boolean(run?.manual);

  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <li
      ref={ref}
      className={current ? 'step current' : 'step'}
      data-step-id={step.id}
      aria-current={current ? 'step' : undefined}
      aria-label={`Step ${index + 1}: ${step.title}`}
      onClick={() => setCurrent(step.id)}
    >
      <div className="step-head">
        <span className="step-number mono">{index + 1}</span>
        <span className="step-title">{step.title}</span>
        <span className={`badge kind-${step.kind}`}>{step.kind}</span>
        {step.risk !== 'low' && <span className={`badge risk-${step.risk}`}>{step.risk}</span>}
        {isRunnableStep(step) && step.command && !run?.running && (
          <button
            type="button"
            onClick={() => void requestRun(runbookId, step, paramsForStep(step.params, params))}
          >
            Run… {current && <kbd className="kbd">r</kbd>}
          </button>
        )}
        {step.kind !== 'manual' && current && !run?.running && !closed && (
          <button type="button" className="link" onClick={() => startSkip(step.id)}>
            Skip… {current && <kbd className="kbd">s</kbd>}
          </button>
        )}
        {run?.running && (
          <button type="button" onClick={() => void cancelRun(incidentId, step.id)}>
            Cancel
          </button>
        )}
      </div>
      {step.command && <pre className="command mono">{step.command}</pre>}
      {!step.command && step.text && !repeatsTitle(step.text, step.title) && (
        <p className="step-text">{step.text}</p>
      )}
      {step.interactive && (
        <p className="muted">Needs a terminal ({step.interactive}); run it yourself.</p>
      )}
      {isRunnableStep(step) && step.kind === 'query' && (
        <p className="muted">
          PromQL against{' '}
          {step.datasource ? (
            <span className="mono">{step.datasource}</span>
          ) : (
            'the configured Prometheus'
          )}
        </p>
      )}
      {!isRunnableStep(step) && (step.kind === 'query' || step.kind === 'http') && (
        <p className="muted">
          Firebreak shows this {step.lang ? `${step.lang} ` : ''}
          {step.kind} step but does not run it from here yet.
        </p>
      )}
      {step.kind === 'manual' && !closed && !skipping && (
        <ManualStepActions
          incidentId={incidentId}
          runbookId={runbookId}
          stepId={step.id}
          current={current}
        />
      )}
      {skipping && <SkipForm incidentId={incidentId} runbookId={runbookId} stepId={step.id} />}
      {run?.manual && (
        <p className={`step-result outcome-${run.manual.outcome}`} role="status">
          {run.manual.outcome === 'skipped'
            ? `skipped: ${run.manual.reason ?? ''}`
            : run.manual.outcome}
        </p>
      )}
      {run?.previous && !run.result && !run.running && (
        <p
          className={`step-result status-${run.previous.status}`}
          title={formatUtc(run.previous.at)}
        >
          last run {run.previous.status}
          {run.previous.exitCode !== null && ` · exit ${run.previous.exitCode}`} ·{' '}
          {formatLocal(run.previous.at, false)}
        </p>
      )}
      {run?.error && <ErrorMessage error={run.error} />}
      {run && <StepRunView run={run} exampleOutput={step.exampleOutput} />}
    </li>
  );
}
