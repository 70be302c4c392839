import type { RefObject } from 'react';
import type { Runbook, RunbookStep } from '../../../shared/domain/runbook';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { ParamFields } from './param-fields';
import { useRunbooksStore } from './runbooks.store';
import { StepCard } from './step-card';

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
          onChange={(event) => void select(event.target.value)}
        >
          <option value="">Pick a runbook…</option>
          {summaries.map((summary) => (
            <option key={summary.id} value={summary.id}>
              {summary.title} ({summary.stepCount} steps)
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

  return (
    <div className="runbook">
      <h2>{runbook.title}</h2>
      <p className="mono muted runbook-id">{runbook.id}</p>
      {runbook.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}
      {runbook.params.length > 0 && <ParamFields params={runbook.params} />}
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
  );
}

/** Consecutive steps of the same section, keeping each step's position in the runbook. */
function groupBySection(steps: RunbookStep[]) {
  const groups: {
    sectionId: string;
    section: string;
    steps: { step: RunbookStep; index: number }[];
  }[] = [];
  steps.forEach((step, index) => {
    const last = groups.at(-1);
    if (last && last.sectionId === step.sectionId) last.steps.push({ step, index });
    else
      groups.push({ sectionId: step.sectionId, section: step.section, steps: [{ step, index }] });
  });
  return groups;
}
