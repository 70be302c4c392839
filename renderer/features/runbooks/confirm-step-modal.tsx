import { useState } from 'react';
import type { StepResult } from '../../../shared/domain/runbook';
import { ErrorMessage } from '../../components/error-message';
import { Modal } from '../../components/modal';
import { useRunPlanStore } from './run-plan.store';
import { useRunbooksStore } from './runbooks.store';
import { useStepRunsStore } from './step-runs.store';

/**
 * Shows the command as it will run, its environment, risk and why it needs confirmation,
 * and runs it only on "Run step". Focus starts on Cancel, so a stray Enter runs nothing.
 */
export function ConfirmStepModal({ incidentId }: { incidentId: string }) {
  const { pending, runs, dismiss, confirmRun } = useStepRunsStore();
  const [typed, setTyped] = useState('');
  if (!pending) return null;
  const { step, rendered, error } = pending;
  const env = Object.entries(rendered?.env ?? {});
  const needsTyping = rendered?.confirm === 'typed';
  const blocked =
    !rendered ||
    rendered.missing.length > 0 ||
    (needsTyping && typed !== (rendered.confirmText ?? ''));
  const close = (): void => {
    setTyped('');
    dismiss();
    useRunPlanStore.getState().confirmationClosed(step.id, 'cancelled');
  };

  return (
    <Modal title="Run this step?" onClose={close}>
      <p>
        <strong>{step.title}</strong>
        {step.section && <span className="muted"> · {step.section}</span>}{' '}
        <span className={`badge risk-${step.risk}`}>risk {step.risk}</span>
      </p>
      <p className="muted">Runs on this machine in a shell, with your permissions.</p>
      <ErrorMessage error={error} />
      {!rendered && !error && <p className="muted">Rendering the command…</p>}
      {rendered && (
        <>
          <pre className="command mono" aria-label="Rendered command">
            {rendered.command}
          </pre>
          {env.length > 0 && (
            <pre className="command mono" aria-label="Step environment">
              {env.map(([name, value]) => `${name}=${value}`).join('\n')}
            </pre>
          )}
          {rendered.confirmReasons.length > 0 && (
            <p className="warning">Needs confirmation: {rendered.confirmReasons.join(', ')}.</p>
          )}
          {rendered.missing.length > 0 && (
            <p className="warning" role="alert">
              Missing values for {rendered.missing.join(', ')}. Fill them under Parameters, then run
              again.
            </p>
          )}
          {!step.idempotent && runs[step.id]?.result && (
            <p className="warning">This step already ran in this incident and is not idempotent.</p>
          )}
          {needsTyping && (
            <label className="field">
              <span>
                Type <code>{rendered.confirmText}</code> to confirm
              </span>
              <input
                aria-label="Confirmation text"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
            </label>
          )}
        </>
      )}
      <div className="form-actions">
        <button type="button" autoFocus data-autofocus onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          disabled={blocked}
          onClick={() => {
            setTyped('');
            void confirmRun(incidentId, typed).then((result) => advanceAfter(step.id, result));
          }}
        >
          Run step
        </button>
      </div>
    </Modal>
  );
}

/**
 * Moves the highlight to the next step after the current one succeeded, and lets the
 * diagnostics plan continue when it was waiting on this step.
 */
function advanceAfter(stepId: string, result: StepResult | null): void {
  const runbooks = useRunbooksStore.getState();
  const plan = useRunPlanStore.getState();
  if (plan.status === 'waiting') {
    plan.confirmationClosed(stepId, result);
    return;
  }
  if (result?.status === 'succeeded' && runbooks.currentStepId === stepId) runbooks.moveCurrent(1);
}
