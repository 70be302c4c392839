import { useCallback, type KeyboardEvent } from 'react';
import { isEditable } from '../../lib/shortcuts';
import { useShortcut } from '../../lib/use-shortcut';
import { paramsForStep, useRunbooksStore } from './runbooks.store';
import { useStepRunsStore } from './step-runs.store';

/** Marks the element that contains the step list, so actions can return focus to it. */
export const STEP_LIST_ATTRIBUTE = 'data-step-list';

/** Moves focus to the step list, where the step keys act. */
export function focusStepList(): void {
  document.querySelector<HTMLElement>(`[${STEP_LIST_ATTRIBUTE}]`)?.focus();
}

/**
 * Runs the current step: a shell step opens the confirmation dialog, and a manual step
 * focuses its Done button, so a second Enter records it and a stray key records nothing.
 */
export function runCurrentStep(): void {
  const { runbook, currentStepId, params } = useRunbooksStore.getState();
  const step = runbook?.steps.find((candidate) => candidate.id === currentStepId);
  if (!runbook || !step) return;
  const runs = useStepRunsStore.getState();
  if (step.kind === 'shell' && step.command && !runs.runs[step.id]?.running) {
    void runs.requestRun(runbook.id, step, paramsForStep(step.params, params));
  } else if (step.kind === 'manual') {
    document
      .querySelector<HTMLElement>(`li.step[data-step-id="${CSS.escape(step.id)}"] button.done`)
      ?.focus();
  }
}

/** Opens the "reason for skipping" field of the current step. */
export function skipCurrentStep(): void {
  const { currentStepId } = useRunbooksStore.getState();
  if (currentStepId) useStepRunsStore.getState().startSkip(currentStepId);
}

/**
 * Binds the step keys. J and K work anywhere outside text fields and move focus into the
 * step list. Inside the list, arrows also move, and Enter or R runs and S skips the current
 * step; those keys are handled there first, so the room's own R and S shortcuts
 * (pick runbook, change status) apply only outside the list.
 */
export function useStepKeys(enabled: boolean) {
  const moveCurrent = useRunbooksStore((state) => state.moveCurrent);
  const moveAndFocus = useCallback(
    (delta: number) => {
      moveCurrent(delta);
      focusStepList();
    },
    [moveCurrent],
  );

  useShortcut('nextStep', () => moveAndFocus(1), enabled);
  useShortcut('previousStep', () => moveAndFocus(-1), enabled);

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
      const onList = event.target === event.currentTarget;
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          moveCurrent(1);
          break;
        case 'k':
        case 'ArrowUp':
          moveCurrent(-1);
          break;
        case 'r':
          runCurrentStep();
          break;
        case 'Enter':
          // Enter on a button inside the list presses that button instead.
          if (!onList) return;
          runCurrentStep();
          break;
        case 's':
          skipCurrentStep();
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [moveCurrent],
  );
}
