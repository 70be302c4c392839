import { create } from 'zustand';
import type {
  Runbook,
  RunbookStep,
  RunbookSummary,
  StepResult,
} from '../../../shared/domain/runbook';
import type { ContractError } from '../../../shared/ipc/errors';
import type { PushEvent } from '../../../shared/ipc/events';
import { api } from '../../api/api';

/** What the panel knows about one step's latest run in this room. */
export interface StepRun {
  running: boolean;
  /** Output chunks received from pushes while the step runs, in arrival order. */
  live: { stream: 'stdout' | 'stderr'; chunk: string }[];
  result: StepResult | null;
  error: ContractError | null;
}

interface RunbooksState {
  summaries: RunbookSummary[];
  listError: ContractError | null;
  runbook: Runbook | null;
  runbookError: ContractError | null;
  /** Parameter values typed by the user, by parameter name. */
  params: Record<string, string>;
  /** The step waiting in the confirmation dialog. */
  confirming: RunbookStep | null;
  runs: Record<string, StepRun>;
  loadList(): Promise<void>;
  select(runbookId: string): Promise<void>;
  setParam(name: string, value: string): void;
  requestRun(step: RunbookStep): void;
  cancelRun(): void;
  confirmRun(incidentId: string): Promise<void>;
  applyPush(event: PushEvent, incidentId: string): void;
}

const IDLE_RUN: StepRun = { running: false, live: [], result: null, error: null };

/** The runbook panel: the library, the open runbook, parameter values and step runs. */
export const useRunbooksStore = create<RunbooksState>()((set, get) => {
  const patchRun = (stepId: string, patch: Partial<StepRun>): void => {
    set((state) => ({
      runs: { ...state.runs, [stepId]: { ...(state.runs[stepId] ?? IDLE_RUN), ...patch } },
    }));
  };

  return {
    summaries: [],
    listError: null,
    runbook: null,
    runbookError: null,
    params: {},
    confirming: null,
    runs: {},

    async loadList() {
      const result = await api.invoke('runbooks:list', {});
      if (result.ok) set({ summaries: result.value, listError: null });
      else set({ listError: result.error });
    },

    async select(runbookId) {
      if (runbookId === '') {
        set({ runbook: null, runbookError: null, runs: {} });
        return;
      }
      const result = await api.invoke('runbooks:get', { runbookId });
      if (result.ok) set({ runbook: result.value, runbookError: null, runs: {} });
      else set({ runbook: null, runbookError: result.error });
    },

    setParam: (name, value) => set((state) => ({ params: { ...state.params, [name]: value } })),
    requestRun: (step) => set({ confirming: step }),
    cancelRun: () => set({ confirming: null }),

    async confirmRun(incidentId) {
      const { confirming: step, runbook, params } = get();
      if (!step || !runbook) return;
      set({ confirming: null });
      patchRun(step.id, { running: true, live: [], result: null, error: null });
      const result = await api.invoke('runbooks:run-step', {
        incidentId,
        runbookId: runbook.id,
        stepId: step.id,
        params: paramsForStep(step, params),
        confirmed: true,
      });
      if (result.ok) patchRun(step.id, { running: false, result: result.value });
      else patchRun(step.id, { running: false, error: result.error });
    },

    applyPush(event, incidentId) {
      if (event.type !== 'runbooks:step-output' || event.incidentId !== incidentId) return;
      const run = get().runs[event.stepId];
      if (!run?.running) return;
      patchRun(event.stepId, { live: [...run.live, { stream: event.stream, chunk: event.chunk }] });
    },
  };
});

/** The typed values of the parameters a step uses; empty values are left out. */
export function paramsForStep(
  step: RunbookStep,
  values: Record<string, string>,
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of step.params) {
    const value = values[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}
