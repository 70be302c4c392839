import { useState } from 'react';
import type { ManualOutcome } from '../../../shared/domain/runbook';
import { useStepRunsStore } from './step-runs.store';

/** Done and Skip for a manual step; skipping asks for the reason, which goes in the timeline. */
export function ManualStepActions(props: {
  incidentId: string;
  runbookId: string;
  stepId: string;
  manual: { outcome: ManualOutcome; reason?: string } | null;
}) {
  const completeManual = useStepRunsStore((state) => state.completeManual);
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const complete = (outcome: ManualOutcome, text?: string): void => {
    void completeManual(props.incidentId, props.runbookId, props.stepId, outcome, text);
  };

  if (props.manual) {
    return (
      <p className="step-result status-succeeded" role="status">
        {props.manual.outcome === 'skipped'
          ? `skipped: ${props.manual.reason ?? ''}`
          : props.manual.outcome}
      </p>
    );
  }
  if (skipping) {
    return (
      <form
        className="skip-form"
        onSubmit={(event) => {
          event.preventDefault();
          complete('skipped', reason);
        }}
      >
        <input
          autoFocus
          aria-label="Reason for skipping"
          placeholder="Why skip this step?"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <button type="submit">Skip step</button>
        <button type="button" className="link" onClick={() => setSkipping(false)}>
          Back
        </button>
      </form>
    );
  }
  return (
    <div className="manual-actions">
      <button type="button" onClick={() => complete('done')}>
        Done
      </button>
      <button type="button" onClick={() => setSkipping(true)}>
        Skip…
      </button>
    </div>
  );
}
