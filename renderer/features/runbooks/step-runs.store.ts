import { create } from 'zustand';
import type {
  ManualOutcome,
  RenderedStep,
  RunbookStep,
  StepOutcome,
  StepResult,
} from '../../../shared/domain/runbook';
import type { ContractError } from '../../../shared/ipc/errors';
import type { PushEvent } from '../../../shared/ipc/events';
import { api } from '../../api/api';

/** What the panel knows about one step in this room. */
export interface StepRun {
  running: boolean;
  /** Output chunks received from pushes while the step runs, in arrival order. */
  live: { stream: 'stdout' | 'stderr'; chunk: string }[];
  result: StepResult | null;
  /** The outcome that closed a manual step, with the skip reason. */
  manual: { outcome: ManualOutcome; reason?: string } | null;
  /** The step's latest shell outcome in this incident before the page loaded, if any. */
  previous: StepOutcome | null;
  error: ContractError | null;
}

/** A step waiting in the confirmation dialog, with its command as it would run. */
export interface PendingRun {
  runbookId: string;
  step: RunbookStep;
  params: Record<string, string>;
  rendered: RenderedStep | null;
  error: ContractError | null;
}

interface StepRunsState {
  pending: PendingRun | null;
  runs: Record<string, StepRun>;
  /** The step whose "reason for skipping" field is open; null when none is. */
  skippingStepId: string | null;
  startSkip(stepId: string): void;
  stopSkip(): void;
  requestRun(runbookId: string, step: RunbookStep, params: Record<string, string>): Promise<void>;
  dismiss(): void;
  /** Runs the pending step; resolves to its result, or null when it did not run. */
  confirmRun(incidentId: string, typedConfirmation: string): Promise<StepResult | null>;
  /**
   * Runs a rendered step that the person already confirmed elsewhere, such as in the
   * diagnostics plan. Resolves to its result, or null when it did not run.
   */
  execute(
    incidentId: string,
    run: PendingRun & { rendered: RenderedStep },
    typedConfirmation?: string,
  ): Promise<StepResult | null>;
  cancelRun(incidentId: string, stepId: string): Promise<void>;
  completeManual(
    incidentId: string,
    runbookId: string,
    stepId: string,
    outcome: ManualOutcome,
    reason?: string,
  ): Promise<boolean>;
  applyPush(event: PushEvent, incidentId: string): void;
  /** Shows the outcomes the incident already recorded for the open runbook's steps. */
  restore(outcomes: StepOutcome[]): void;
  reset(): void;
}

const IDLE: StepRun = {
  running: false,
  live: [],
  result: null,
  manual: null,
  previous: null,
  error: null,
};

/** Outcomes recorded through `runbooks:complete-manual-step`, for any kind of step. */
const MANUAL_OUTCOMES = new Set<string>(['done', 'skipped', 'note']);

/** Step runs of the open runbook: confirmation, live output, results, cancel, manual steps. */
export const useStepRunsStore = create<StepRunsState>()((set, get) => {
  const patch = (stepId: string, change: Partial<StepRun>): void => {
    set((state) => ({
      runs: { ...state.runs, [stepId]: { ...(state.runs[stepId] ?? IDLE), ...change } },
    }));
  };

  return {
    pending: null,
    runs: {},
    skippingStepId: null,

    startSkip: (stepId) => set({ skippingStepId: stepId }),
    stopSkip: () => set({ skippingStepId: null }),

    async requestRun(runbookId, step, params) {
      set({ pending: { runbookId, step, params, rendered: null, error: null } });
      const result = await api.invoke('runbooks:render-step', {
        runbookId,
        stepId: step.id,
        params,
      });
      const pending = get().pending;
      if (pending?.step.id !== step.id) return;
      set({
        pending: result.ok
          ? { ...pending, rendered: result.value }
          : { ...pending, error: result.error },
      });
    },

    dismiss: () => set({ pending: null }),

    async confirmRun(incidentId, typedConfirmation) {
      const pending = get().pending;
      if (!pending?.rendered) return null;
      set({ pending: null });
      return get().execute(
        incidentId,
        { ...pending, rendered: pending.rendered },
        typedConfirmation,
      );
    },

    async execute(incidentId, run, typedConfirmation) {
      const { runbookId, step, params, rendered } = run;
      patch(step.id, { running: true, live: [], result: null, error: null });
      const result = await api.invoke('runbooks:run-step', {
        incidentId,
        runbookId,
        stepId: step.id,
        params,
        confirmed: true,
        typedConfirmation: rendered.confirm === 'typed' ? typedConfirmation : undefined,
        // The dialog or the plan warned that this non-idempotent step already ran here.
        rerun: !step.idempotent && get().runs[step.id]?.result ? true : undefined,
      });
      if (!result.ok) {
        patch(step.id, { running: false, error: result.error });
        return null;
      }
      patch(step.id, { running: false, result: result.value });
      return result.value;
    },

    async cancelRun(incidentId, stepId) {
      const result = await api.invoke('runbooks:cancel-step', { incidentId, stepId });
      if (!result.ok) patch(stepId, { error: result.error });
    },

    async completeManual(incidentId, runbookId, stepId, outcome, reason) {
      const result = await api.invoke('runbooks:complete-manual-step', {
        incidentId,
        runbookId,
        stepId,
        outcome,
        reason,
      });
      if (!result.ok) {
        patch(stepId, { error: result.error });
        return false;
      }
      patch(stepId, { manual: { outcome, reason }, error: null });
      if (get().skippingStepId === stepId) set({ skippingStepId: null });
      return true;
    },

    applyPush(event, incidentId) {
      if (event.type !== 'runbooks:step-output' || event.incidentId !== incidentId) return;
      const run = get().runs[event.stepId];
      if (!run?.running) return;
      patch(event.stepId, { live: [...run.live, { stream: event.stream, chunk: event.chunk }] });
    },

    restore(outcomes) {
      for (const outcome of outcomes) {
        if (MANUAL_OUTCOMES.has(outcome.status)) {
          const manual = {
            outcome: outcome.status as ManualOutcome,
            reason: outcome.reason ?? undefined,
          };
          patch(outcome.stepId, { manual });
        } else {
          patch(outcome.stepId, { previous: outcome });
        }
      }
    },

    reset: () => set({ pending: null, runs: {}, skippingStepId: null }),
  };
});
