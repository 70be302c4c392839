import { create } from 'zustand';
import type {
  RenderedStep,
  Runbook,
  RunbookStep,
  StepResult,
} from '../../../shared/domain/runbook';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';
import { paramsForStep, useRunbooksStore } from './runbooks.store';
import { useStepRunsStore } from './step-runs.store';

export type PlanEntryState = 'pending' | 'running' | 'waiting' | 'succeeded' | 'failed';

/** One step of the diagnostics plan with its command as it would run now. */
export interface PlanEntry {
  step: RunbookStep;
  rendered: RenderedStep | null;
  state: PlanEntryState;
}

interface RunPlanState {
  open: boolean;
  entries: PlanEntry[];
  /** `waiting` means the confirmation dialog of the step at `cursor` is open. */
  status: 'ready' | 'running' | 'waiting' | 'stopped' | 'done';
  /** The reason the plan stopped or the note that it finished; null before either. */
  message: string | null;
  error: ContractError | null;
  /** Index of the entry the plan runs or waits on next. */
  cursor: number;
  incidentId: string | null;
  show(): Promise<void>;
  hide(): void;
  start(incidentId: string): Promise<void>;
  stop(): void;
  /** Reports how the confirmation dialog of a step closed: its result, or `cancelled`. */
  confirmationClosed(stepId: string, outcome: StepResult | null | 'cancelled'): void;
}

/**
 * Picks the steps "run all diagnostics" runs: shell steps in diagnose sections that have a
 * command, are not excluded from run-all, and need no terminal.
 */
export function diagnosticsPlan(runbook: Runbook): RunbookStep[] {
  return runbook.steps.filter(
    (step) =>
      step.role === 'diagnose' &&
      step.kind === 'shell' &&
      Boolean(step.command) &&
      !step.excludeFromRunAll &&
      !step.interactive,
  );
}

/** Renders one step with the current parameter values. */
async function render(step: RunbookStep) {
  const { runbook, params } = useRunbooksStore.getState();
  const request = {
    runbookId: runbook?.id ?? '',
    stepId: step.id,
    params: paramsForStep(step.params, params),
  };
  const result = await api.invoke('runbooks:render-step', request);
  return { request, result };
}

/**
 * The "run all diagnostics" plan. It runs in the renderer, one `runbooks:run-step` call at
 * a time, so the person sees every command before starting and every result as it comes.
 * It stops at each step that needs confirmation and at the first step that does not succeed.
 */
export const useRunPlanStore = create<RunPlanState>()((set, get) => {
  const setEntry = (index: number, change: Partial<PlanEntry>): void =>
    set((state) => ({
      entries: state.entries.map((entry, at) => (at === index ? { ...entry, ...change } : entry)),
    }));
  const halt = (message: string, error: ContractError | null = null): void =>
    set({ status: 'stopped', message, error });

  /**
   * Runs entries from `cursor` until a confirmation, a failure, a stop or the end.
   * NOTE: the renderer drives the plan, so reloading or closing the window stops it after
   * the step in flight; the core has no plan of its own to resume.
   */
  const advance = async (): Promise<void> => {
    const incidentId = get().incidentId ?? '';
    for (let index = get().cursor; index < get().entries.length; index += 1) {
      if (get().status !== 'running') return;
      const entry = get().entries[index];
      if (!entry) return;
      set({ cursor: index });
      useRunbooksStore.getState().setCurrent(entry.step.id);
      const { request, result } = await render(entry.step);
      if (!result.ok)
        return halt(`Stopped at "${entry.step.title}": it could not be rendered.`, result.error);
      setEntry(index, { rendered: result.value });
      if (result.value.missing.length > 0) {
        return halt(
          `Stopped at "${entry.step.title}": fill ${result.value.missing.join(', ')} first.`,
        );
      }
      const runs = useStepRunsStore.getState();
      if (result.value.confirm !== 'none') {
        setEntry(index, { state: 'waiting' });
        set({ status: 'waiting' });
        await runs.requestRun(request.runbookId, entry.step, request.params);
        return;
      }
      setEntry(index, { state: 'running' });
      const run = { ...request, step: entry.step, rendered: result.value, error: null };
      const outcome = await runs.execute(incidentId, run);
      if (outcome?.status !== 'succeeded') {
        setEntry(index, { state: 'failed' });
        return halt(
          `Stopped at the first failure: "${entry.step.title}" ${outcome?.status ?? 'did not run'}.`,
        );
      }
      setEntry(index, { state: 'succeeded' });
    }
    if (get().status === 'running')
      set({ status: 'done', message: 'Every diagnostic step succeeded.' });
  };

  return {
    open: false,
    entries: [],
    status: 'ready',
    message: null,
    error: null,
    cursor: 0,
    incidentId: null,

    async show() {
      const runbook = useRunbooksStore.getState().runbook;
      if (!runbook) return;
      const steps = diagnosticsPlan(runbook);
      set({
        open: true,
        status: 'ready',
        message: null,
        error: null,
        cursor: 0,
        entries: steps.map((step) => ({ step, rendered: null, state: 'pending' })),
      });
      // Show each command as it would run, with the parameter values filled in so far.
      const rendered = await Promise.all(steps.map((step) => render(step)));
      rendered.forEach(({ result }, index) => {
        if (result.ok) setEntry(index, { rendered: result.value });
      });
    },

    hide: () => set({ open: false, status: 'ready', entries: [], message: null, error: null }),

    async start(incidentId) {
      // After a stop the plan resumes at the step it stopped on; after the end it restarts.
      if (get().status === 'done') {
        set((state) => ({
          cursor: 0,
          entries: state.entries.map((entry) => ({ ...entry, state: 'pending' })),
        }));
      }
      set({ status: 'running', incidentId, message: null, error: null });
      await advance();
    },

    stop() {
      if (get().status === 'running' || get().status === 'waiting') {
        halt('Stopped by you; steps already running finish on their own.');
      }
    },

    confirmationClosed(stepId, outcome) {
      const { status, cursor, entries } = get();
      const entry = entries[cursor];
      if (status !== 'waiting' || entry?.step.id !== stepId) return;
      if (outcome === 'cancelled') {
        setEntry(cursor, { state: 'pending' });
        return halt(`Stopped at "${entry.step.title}": its confirmation was cancelled.`);
      }
      if (outcome?.status !== 'succeeded') {
        setEntry(cursor, { state: 'failed' });
        return halt(
          `Stopped at the first failure: "${entry.step.title}" ${outcome?.status ?? 'did not run'}.`,
        );
      }
      setEntry(cursor, { state: 'succeeded' });
      set({ status: 'running', cursor: cursor + 1 });
      void advance();
    },
  };
});
