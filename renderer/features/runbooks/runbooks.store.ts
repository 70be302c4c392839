import { create } from 'zustand';
import type { Runbook, RunbookSummary } from '../../../shared/domain/runbook';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';
import { useRunPlanStore } from './run-plan.store';
import { useStepRunsStore } from './step-runs.store';

interface RunbooksState {
  summaries: RunbookSummary[];
  listError: ContractError | null;
  runbook: Runbook | null;
  runbookError: ContractError | null;
  /** Parameter values by name, prefilled with the runbook's defaults. */
  params: Record<string, string>;
  /** The highlighted step that the step keys act on; null when no runbook is open. */
  currentStepId: string | null;
  /** The file changed since the incident's run of it began; the next step starts a new run. */
  stale: boolean;
  loadList(): Promise<void>;
  /**
   * Opens a runbook (or closes it for `''`). With `incidentId`, also shows the outcomes the
   * incident already recorded for it and highlights the first step without one.
   */
  select(runbookId: string, incidentId?: string): Promise<void>;
  setParam(name: string, value: string): void;
  setCurrent(stepId: string): void;
  /** Moves the highlight by `delta` steps, stopping at the first and the last step. */
  moveCurrent(delta: number): void;
}

/** The runbook panel's library, the open runbook, its parameter values and the current step. */
export const useRunbooksStore = create<RunbooksState>()((set, get) => ({
  summaries: [],
  listError: null,
  runbook: null,
  runbookError: null,
  params: {},
  currentStepId: null,
  stale: false,

  async loadList() {
    const result = await api.invoke('runbooks:list', {});
    if (result.ok) set({ summaries: result.value, listError: null });
    else set({ listError: result.error });
  },

  async select(runbookId, incidentId) {
    useStepRunsStore.getState().reset();
    useRunPlanStore.getState().hide();
    if (runbookId === '') {
      set({ runbook: null, runbookError: null, params: {}, currentStepId: null, stale: false });
      return;
    }
    const result = await api.invoke('runbooks:get', { runbookId });
    if (!result.ok) {
      set({ runbook: null, runbookError: result.error, currentStepId: null, stale: false });
      return;
    }
    const defaults: Record<string, string> = {};
    for (const param of result.value.params) {
      if (param.default !== undefined) defaults[param.name] = param.default;
    }
    set({
      runbook: result.value,
      runbookError: null,
      params: defaults,
      currentStepId: result.value.steps[0]?.id ?? null,
      stale: false,
    });
    if (incidentId) await restoreRunState(incidentId, result.value);
  },

  setParam: (name, value) => set((state) => ({ params: { ...state.params, [name]: value } })),

  setCurrent: (stepId) => set({ currentStepId: stepId }),

  moveCurrent(delta) {
    const { runbook, currentStepId } = get();
    if (!runbook || runbook.steps.length === 0) return;
    const index = runbook.steps.findIndex((step) => step.id === currentStepId);
    const next = Math.min(runbook.steps.length - 1, Math.max(0, index + delta));
    set({ currentStepId: runbook.steps[next]?.id ?? null });
  },
}));

/** Loads the incident's earlier outcomes for the runbook and moves to the first open step. */
async function restoreRunState(incidentId: string, runbook: Runbook): Promise<void> {
  const result = await api.invoke('runbooks:run-state', { incidentId, runbookId: runbook.id });
  // Without the run state the runbook still works; it only shows no earlier outcomes.
  if (!result.ok || useRunbooksStore.getState().runbook?.id !== runbook.id) return;
  useStepRunsStore.getState().restore(result.value.outcomes);
  const finished = new Set(result.value.outcomes.map((outcome) => outcome.stepId));
  const next = runbook.steps.find((step) => !finished.has(step.id)) ?? runbook.steps.at(-1);
  useRunbooksStore.setState({ stale: result.value.stale, currentStepId: next?.id ?? null });
}

/** Picks the values of the parameters a step uses, leaving out empty ones. */
export function paramsForStep(
  stepParams: string[],
  values: Record<string, string>,
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of stepParams) {
    const value = values[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}
