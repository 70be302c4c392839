import type { Runbook } from '../../../shared/domain/runbook';
import { useRunbooksStore } from './runbooks.store';
import { buildOutline } from './step-groups';
import { useStepRunsStore } from './step-runs.store';

/**
 * The runbook's sections with their roles and how many of their steps have an outcome.
 * The section of the current step is highlighted; a click moves to its first step.
 */
export function RunbookOutline({ runbook }: { runbook: Runbook }) {
  const currentStepId = useRunbooksStore((state) => state.currentStepId);
  const setCurrent = useRunbooksStore((state) => state.setCurrent);
  const runs = useStepRunsStore((state) => state.runs);
  const entries = buildOutline(runbook);

  return (
    <nav className="runbook-outline" aria-label="Runbook outline">
      <ol>
        {entries.map((entry) => {
          const current = currentStepId !== null && entry.stepIds.includes(currentStepId);
          const finished = entry.stepIds.filter((id) => runs[id]?.result || runs[id]?.manual);
          const first = entry.stepIds[0];
          return (
            <li
              key={entry.id}
              className={current ? 'current' : undefined}
              aria-current={current ? 'location' : undefined}
              style={{ paddingLeft: entry.level * 12 }}
            >
              {first ? (
                <button type="button" className="link" onClick={() => setCurrent(first)}>
                  {entry.title}
                </button>
              ) : (
                <span className="muted">{entry.title}</span>
              )}
              {entry.role !== 'none' && (
                <span className={`badge role role-${entry.role}`}>{entry.role}</span>
              )}
              {entry.stepIds.length > 0 && (
                <span className="outline-count mono muted">
                  {finished.length}/{entry.stepIds.length}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
