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
  loadList(): Promise<void>;
  select(runbookId: string): Promise<void>;
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

  async loadList() {
    const result = await api.invoke('runbooks:list', {});
    if (result.ok) set({ summaries: result.value, listError: null });
    else set({ listError: result.error });
  },

  async select(runbookId) {
    useStepRunsStore.getState().reset();
    useRunPlanStore.getState().hide();
    if (runbookId === '') {
      set({ runbook: null, runbookError: null, params: {}, currentStepId: null });
      return;
    }
    const result = await api.invoke('runbooks:get', { runbookId });
    if (!result.ok) {
      set({ runbook: null, runbookError: result.error, currentStepId: null });
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
    });
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
