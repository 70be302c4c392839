import type { Runbook } from '../../../shared/domain/runbook';
import { ErrorMessage } from '../../components/error-message';
import { diagnosticsPlan, useRunPlanStore, type PlanEntry } from './run-plan.store';

/** Words for each plan entry state, shown beside the step. */
const STATE_LABELS: Record<PlanEntry['state'], string> = {
  pending: '',
  running: 'running…',
  waiting: 'waiting for your confirmation',
  succeeded: 'succeeded',
  failed: 'failed',
};

/**
 * Shows the "run all diagnostics" action and, once opened, the plan: every diagnose step
 * with its command as it will run, which of them ask for confirmation, and progress.
 */
export function DiagnosticsPlan({ runbook, incidentId }: { runbook: Runbook; incidentId: string }) {
  const plan = useRunPlanStore();
  const count = diagnosticsPlan(runbook).length;
  if (count === 0) return null;
  if (!plan.open) {
    return (
      <button type="button" className="plan-open" onClick={() => void plan.show()}>
        Run all diagnostics ({count} steps)…
      </button>
    );
  }
  const active = plan.status === 'running' || plan.status === 'waiting';
  const resumeAt = plan.entries[plan.cursor];

  return (
    <section className="plan" aria-label="Diagnostics plan">
      <h3>Diagnostics plan</h3>
      <p className="muted">
        Runs these steps in order, one at a time. It stops at each step that asks for confirmation
        and at the first step that does not succeed.
      </p>
      <ol className="plan-steps">
        {plan.entries.map((entry, index) => (
          <li key={entry.step.id} className={`plan-step plan-${entry.state}`}>
            <span className="plan-title">
              {entry.step.title}
              {entry.rendered && entry.rendered.confirm !== 'none' && (
                <span className="badge risk-medium">asks to confirm</span>
              )}
              <span className="plan-state mono" aria-label={`Plan step ${index + 1} state`}>
                {STATE_LABELS[entry.state]}
              </span>
            </span>
            <pre className="command mono">{entry.rendered?.command ?? entry.step.command}</pre>
          </li>
        ))}
      </ol>
      {plan.message && (
        <p className={plan.status === 'done' ? 'notice' : 'warning'} role="status">
          {plan.message}
        </p>
      )}
      <ErrorMessage error={plan.error} />
      <div className="form-actions">
        <button type="button" className="link" onClick={plan.hide} disabled={active}>
          Close plan
        </button>
        {active ? (
          <button type="button" onClick={plan.stop}>
            Stop
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void plan.start(incidentId)}>
            {plan.status === 'stopped' && resumeAt
              ? `Resume at "${resumeAt.step.title}"`
              : plan.status === 'done'
                ? 'Run again'
                : 'Start'}
          </button>
        )}
      </div>
    </section>
  );
}
