import { AnsiOutput } from '../../components/ansi-output';
import { formatDuration } from '../../lib/time';
import { QueryResultTable } from './query-result-table';
import type { StepRun } from './step-runs.store';

/**
 * Shows a step's live output while it runs, then its status, exit code (or a query's result
 * type and table), duration and output, with the runbook's example output beside it.
 */
export function StepRunView({ run, exampleOutput }: { run: StepRun; exampleOutput?: string }) {
  if (run.result) {
    const { result } = run;
    const failedChecks = result.checks.filter((check) => !check.passed);
    return (
      <div className={`step-result status-${result.status}`} role="status">
        <p className="mono">
          {result.status} ·{' '}
          {result.query
            ? `${result.query.resultType ?? 'no result'}`
            : `exit ${result.exitCode ?? result.signal ?? '?'}`}{' '}
          · {formatDuration(result.durationMs)}
        </p>
        {failedChecks.map((check) => (
          <p key={check.name} className="warning">
            Check {check.name} failed: {check.detail}
          </p>
        ))}
        {result.query && <QueryResultTable evidence={result.query} />}
        <div className={exampleOutput ? 'output-pair' : undefined}>
          <div>
            {!result.query && result.stdout && <AnsiOutput text={result.stdout} label="stdout" />}
            {/* A query's error text is in the result table already. */}
            {result.stderr && !result.query?.error && (
              <AnsiOutput text={result.stderr} label="stderr" />
            )}
          </div>
          {exampleOutput && (
            <div>
              <span className="output-caption muted">example from the runbook</span>
              <AnsiOutput text={exampleOutput} label="example output" />
            </div>
          )}
        </div>
        {result.truncated && <TruncatedNotice stdoutFile={result.outputFiles.stdout} />}
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

/** Says that the stored output stops at the per-step cap and where the full output is. */
export function TruncatedNotice({ stdoutFile }: { stdoutFile: string | null }) {
  return (
    <p className="warning truncated-notice">
      Output truncated: the timeline keeps the first part only.
      {stdoutFile && (
        <>
          {' '}
          The full output is on disk in <span className="mono">{stdoutFile}</span> (and the matching{' '}
          <span className="mono">.stderr.log</span>).
        </>
      )}
    </p>
  );
}
