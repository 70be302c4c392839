import type { RefObject } from 'react';
import type { Runbook } from '../../../shared/domain/runbook';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { DiagnosticsPlan } from './diagnostics-plan';
import { ParamFields } from './param-fields';
import { RunbookOutline } from './runbook-outline';
import { useRunbooksStore } from './runbooks.store';
import { StepCard } from './step-card';
import { groupBySection } from './step-groups';
import { STEP_LIST_ATTRIBUTE, useStepKeys } from './use-step-keys';
import './runbooks.css';

/** Right column: pick a runbook, fill its parameters, run its steps. */
export function RunbookPanel({
  incidentId,
  selectRef,
}: {
  incidentId: string;
  selectRef: RefObject<HTMLSelectElement | null>;
}) {
  const { summaries, listError, runbook, runbookError, select } = useRunbooksStore();

  return (
    <aside className="panel runbook-panel" aria-label="Runbook panel">
      <label className="field">
        <span>
          Runbook <Kbd shortcut="runbook" />
        </span>
        <select
          ref={selectRef}
          aria-label="Runbook"
          value={runbook?.id ?? ''}
          onChange={(event) => void select(event.target.value, incidentId)}
        >
          <option value="">Pick a runbook…</option>
          {summaries.map((summary) => (
            <option key={summary.id} value={summary.id}>
              {summary.title} ({summary.stepCount} steps)
              {summary.trusted === false ? ' · untrusted folder' : ''}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={listError} />
      <ErrorMessage error={runbookError} />
      {runbook && <RunbookView runbook={runbook} incidentId={incidentId} />}
    </aside>
  );
}

function RunbookView({ runbook, incidentId }: { runbook: Runbook; incidentId: string }) {
  const roles = new Map(runbook.sections.map((section) => [section.id, section.role]));
  const onKeyDown = useStepKeys(runbook.steps.length > 0);
  const stale = useRunbooksStore((state) => state.stale);
  const untrusted = useRunbooksStore((state) =>
    state.summaries.some((summary) => summary.id === runbook.id && summary.trusted === false),
  );

  return (
    <div className="runbook">
      <h2>{runbook.title}</h2>
      <p className="mono muted runbook-id">{runbook.id}</p>
      {untrusted && (
        <p className="warning" role="note">
          This runbook is in a folder you have not trusted, so its steps do not run. Read it, then
          trust its folder in Settings to run them.
        </p>
      )}
      {stale && (
        <p className="warning">
          The file changed since this incident last ran it; the next step starts a new run.
        </p>
      )}
      {runbook.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}
      {runbook.params.length > 0 && <ParamFields params={runbook.params} />}
      <RunbookOutline runbook={runbook} />
      <DiagnosticsPlan runbook={runbook} incidentId={incidentId} />
      <p className="step-keys muted" aria-label="Step keys">
        <kbd className="kbd">j</kbd>/<kbd className="kbd">k</kbd> next/previous ·{' '}
        <kbd className="kbd">Enter</kbd> or <kbd className="kbd">r</kbd> run ·{' '}
        <kbd className="kbd">s</kbd> skip with a reason
      </p>
      <div
        className="step-list"
        tabIndex={0}
        aria-label="Runbook steps"
        onKeyDown={onKeyDown}
        {...{ [STEP_LIST_ATTRIBUTE]: '' }}
      >
        {groupBySection(runbook.steps).map(({ sectionId, section, steps }) => {
          const role = roles.get(sectionId) ?? 'none';
          return (
            <section
              key={`${sectionId}-${steps[0]?.index}`}
              className={`runbook-section role-${role}`}
            >
              {section && (
                <h3>
                  {section} {role !== 'none' && <span className="badge">{role}</span>}
                </h3>
              )}
              <ol className="steps">
                {steps.map(({ step, index }) => (
                  <StepCard key={step.id} step={step} index={index} incidentId={incidentId} />
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}
