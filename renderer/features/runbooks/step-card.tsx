import type { RunbookStep } from '../../../shared/domain/runbook';
import { AnsiOutput } from '../../components/ansi-output';
import { ErrorMessage } from '../../components/error-message';
import { formatDuration } from '../../lib/time';
import { useRunbooksStore, type StepRun } from './runbooks.store';

/** One runbook step: its command, a Run action for shell steps, and its latest run. */
export function StepCard({ step, index }: { step: RunbookStep; index: number }) {
  const run = useRunbooksStore((state) => state.runs[step.id]);
  const requestRun = useRunbooksStore((state) => state.requestRun);

  return (
    <li className="step" data-step-id={step.id} aria-label={`Step ${index + 1}: ${step.title}`}>
      <div className="step-head">
        <span className="step-number mono">{index + 1}</span>
        <span className="step-title">{step.title}</span>
        <span className={`badge kind-${step.kind}`}>{step.kind}</span>
        {step.kind === 'shell' && step.command && (
          <button type="button" disabled={run?.running} onClick={() => requestRun(step)}>
            {run?.running ? 'Running…' : 'Run…'}
          </button>
        )}
      </div>
      {step.command && <pre className="command mono">{step.command}</pre>}
      {run && <StepRunView run={run} />}
    </li>
  );
}

function StepRunView({ run }: { run: StepRun }) {
  if (run.error) return <ErrorMessage error={run.error} />;
  if (run.result) {
    const { result } = run;
    return (
      <div className={`step-result status-${result.status}`} role="status">
        <p className="mono">
          {result.status} · exit {result.exitCode ?? result.signal ?? '?'} ·{' '}
          {formatDuration(result.durationMs)}
        </p>
        {result.stdout && <AnsiOutput text={result.stdout} label="stdout" />}
        {result.stderr && <AnsiOutput text={result.stderr} label="stderr" />}
      </div>
    );
  }
  const live = run.live.map((part) => part.chunk).join('');
  return (
    <div className="step-result running" role="status">
      <p className="muted">Running…</p>
      {live && <AnsiOutput text={live} label="live output" />}
    </div>
  );
}
