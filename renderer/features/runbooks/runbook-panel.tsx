import type { RefObject } from 'react';
import type { Runbook, RunbookStep } from '../../../shared/domain/runbook';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { useRunbooksStore } from './runbooks.store';
import { StepCard } from './step-card';

/** Right column: pick a runbook, fill its parameters, run its steps. */
export function RunbookPanel({ selectRef }: { selectRef: RefObject<HTMLSelectElement | null> }) {
  const { summaries, listError, runbook, runbookError, select } = useRunbooksStore();

  return (
    <aside className="panel runbook-panel" aria-label="Runbook">
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
      {runbook && <RunbookView runbook={runbook} />}
    </aside>
  );
}

function RunbookView({ runbook }: { runbook: Runbook }) {
  const params = [...new Set(runbook.steps.flatMap((step) => step.params))];
  const sections = groupBySection(runbook.steps);

  return (
    <div className="runbook">
      <h2>{runbook.title}</h2>
      <p className="mono muted runbook-id">{runbook.id}</p>
      {params.length > 0 && <ParamFields names={params} />}
      {sections.map(({ section, steps }) => (
        <section key={`${section}-${steps[0]?.index}`} className="runbook-section">
          {section && <h3>{section}</h3>}
          <ol className="steps">
            {steps.map(({ step, index }) => (
              <StepCard key={step.id} step={step} index={index} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function ParamFields({ names }: { names: string[] }) {
  const { params, setParam } = useRunbooksStore();
  return (
    <fieldset className="params">
      <legend>Parameters</legend>
      {names.map((name) => (
        <label key={name} className="field">
          <span className="mono">{name}</span>
          <input
            aria-label={`Parameter ${name}`}
            value={params[name] ?? ''}
            onChange={(event) => setParam(name, event.target.value)}
          />
        </label>
      ))}
    </fieldset>
  );
}

/** Consecutive steps of the same section, keeping each step's position in the runbook. */
function groupBySection(steps: RunbookStep[]) {
  const groups: { section: string; steps: { step: RunbookStep; index: number }[] }[] = [];
  steps.forEach((step, index) => {
    const last = groups.at(-1);
    if (last && last.section === step.section) last.steps.push({ step, index });
    else groups.push({ section: step.section, steps: [{ step, index }] });
  });
  return groups;
}
