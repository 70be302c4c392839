import { useState } from 'react';
import { useRunbooksStore } from './runbooks.store';
import { useStepRunsStore } from './step-runs.store';
import { focusStepList } from './use-step-keys';

/**
 * The "reason for skipping" field of one step. The reason goes in the timeline; on success
 * the highlight moves to the next step and focus returns to the step list.
 */
export function SkipForm(props: { incidentId: string; runbookId: string; stepId: string }) {
  const { completeManual, stopSkip } = useStepRunsStore();
  const moveCurrent = useRunbooksStore((state) => state.moveCurrent);
  const [reason, setReason] = useState('');

  const submit = async (): Promise<void> => {
    const recorded = await completeManual(
      props.incidentId,
      props.runbookId,
      props.stepId,
      'skipped',
      reason,
    );
    if (!recorded) return;
    if (useRunbooksStore.getState().currentStepId === props.stepId) moveCurrent(1);
    focusStepList();
  };

  return (
    <form
      className="skip-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input
        autoFocus
        aria-label="Reason for skipping"
        placeholder="Why skip this step?"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          stopSkip();
          focusStepList();
        }}
      />
      <button type="submit">Skip step</button>
      <button
        type="button"
        className="link"
        onClick={() => {
          stopSkip();
          focusStepList();
        }}
      >
        Back
      </button>
    </form>
  );
}
