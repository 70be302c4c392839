import { AnsiOutput } from '../../components/ansi-output';
import { formatDuration } from '../../lib/time';
import type { StepRun } from './step-runs.store';

/** Shows a shell step's live output while it runs, then its status, exit code, duration and output. */
export function StepRunView({ run }: { run: StepRun }) {
  if (run.result) {
    const { result } = run;
    const failedChecks = result.checks.filter((check) => !check.passed);
    return (
      <div className={`step-result status-${result.status}`} role="status">
        <p className="mono">
          {result.status} · exit {result.exitCode ?? result.signal ?? '?'} ·{' '}
          {formatDuration(result.durationMs)}
        </p>
        {failedChecks.map((check) => (
          <p key={check.name} className="warning">
            Check {check.name} failed: {check.detail}
          </p>
        ))}
        {result.stdout && <AnsiOutput text={result.stdout} label="stdout" />}
        {result.stderr && <AnsiOutput text={result.stderr} label="stderr" />}
        {result.truncated && (
          <p className="muted">
            Output cut at the display limit; the full output is in{' '}
            <span className="mono">{result.outputFiles.stdout}</span>.
          </p>
        )}
      </div>
    );
  }
  if (!run.running) return null;
  const live = run.live.map((part) => part.chunk).join('');
  return (
    <div className="step-result running" role="status">
      <p className="muted">Running…</p>
      {live && <AnsiOutput text={live} label="live output" />}
    </div>
  );
}
