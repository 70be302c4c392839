import { useRunbooksStore } from './runbooks.store';
import { useStepRunsStore } from './step-runs.store';
import { focusStepList } from './use-step-keys';

/** Done and Skip for a manual step; skipping opens the reason field under the step. */
export function ManualStepActions(props: {
  incidentId: string;
  runbookId: string;
  stepId: string;
  current: boolean;
}) {
  const { completeManual, startSkip } = useStepRunsStore();
  const moveCurrent = useRunbooksStore((state) => state.moveCurrent);

  const done = async (): Promise<void> => {
    const recorded = await completeManual(props.incidentId, props.runbookId, props.stepId, 'done');
    if (!recorded) return;
    if (useRunbooksStore.getState().currentStepId === props.stepId) moveCurrent(1);
    focusStepList();
  };

  return (
    <div className="manual-actions">
      <button type="button" className="done" onClick={() => void done()}>
        Done
      </button>
      <button type="button" onClick={() => startSkip(props.stepId)}>
        Skip… {props.current && <kbd className="kbd">s</kbd>}
      </button>
    </div>
  );
}
