import { Modal } from '../../components/modal';
import { paramsForStep, useRunbooksStore } from './runbooks.store';

/**
 * Shows the command exactly as it will run and the environment it gets, and runs it only
 * when the user presses "Run step". Focus starts on Cancel, so a stray Enter runs nothing.
 */
export function ConfirmStepModal({ incidentId }: { incidentId: string }) {
  const { confirming: step, params, cancelRun, confirmRun } = useRunbooksStore();
  if (!step) return null;
  const env = Object.entries(paramsForStep(step, params));
  const missing = step.params.filter((name) => !params[name]);

  return (
    <Modal title="Run this step?" onClose={cancelRun}>
      <p>
        <strong>{step.title}</strong>
        {step.section && <span className="muted"> · {step.section}</span>}
      </p>
      <p className="muted">Runs on this machine in a shell, with your permissions.</p>
      <pre className="command mono" aria-label="Rendered command">
        {step.command}
      </pre>
      {env.length > 0 && (
        <>
          <h3>Environment</h3>
          <pre className="command mono" aria-label="Step environment">
            {env.map(([name, value]) => `${name}=${value}`).join('\n')}
          </pre>
        </>
      )}
      {missing.length > 0 && (
        <p className="warning">
          No value for {missing.join(', ')}. The step may fail or refuse to run; fill the parameters
          first.
        </p>
      )}
      <div className="form-actions">
        <button type="button" autoFocus onClick={cancelRun}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => void confirmRun(incidentId)}>
          Run step
        </button>
      </div>
    </Modal>
  );
}
