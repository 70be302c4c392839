import type { RunbookStep } from '../../../shared/domain/runbook';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import type { ResolvedParams } from './params';
import type { RunStepInput } from './runbook-service';
import { stepSucceededBefore, type RunRow } from './runs.queries';

/**
 * Throws unless a shell step may start: every parameter has a valid value, the person
 * confirmed it (typing the text for high-risk steps), and a non-idempotent step that already
 * succeeded in the incident is explicitly re-run.
 */
export function checkStepReady(
  db: Database,
  input: RunStepInput,
  run: RunRow,
  step: RunbookStep,
  params: ResolvedParams,
): void {
  if (params.missing.length > 0) {
    const placeholders =
      step.placeholders.length > 0 ? ` (placeholders ${step.placeholders.join(', ')})` : '';
    throw new AppError(
      'precondition_failed',
      `Step "${step.id}" needs a value for ${params.missing.join(', ')}${placeholders}. ` +
        `Give each one, for example --param ${params.missing[0]}=VALUE.`,
      { stepId: step.id, missing: params.missing, placeholders: step.placeholders },
    );
  }
  if (params.invalid.length > 0) {
    throw new AppError('invalid_input', params.invalid.join(' '), { stepId: step.id });
  }
  if (!input.confirmed) {
    throw new AppError(
      'precondition_failed',
      `Step "${step.id}" runs only after confirmation; show the command and confirm it.`,
      { stepId: step.id, confirm: step.confirm, reasons: step.confirmReasons },
    );
  }
  if (step.confirm === 'typed') {
    const expected = typedConfirmText(step, params);
    if (input.typedConfirmation !== expected) {
      throw new AppError(
        'precondition_failed',
        `Step "${step.id}" is high risk (${step.confirmReasons.join(', ')}); type "${expected}" to confirm it.`,
        { stepId: step.id, confirmText: expected },
      );
    }
  }
  if (
    !step.idempotent &&
    !input.rerun &&
    stepSucceededBefore(db, input.incidentId, run.runbookPath, step.id)
  ) {
    throw new AppError(
      'conflict',
      `Step "${step.id}" already ran in this incident and is marked idempotent=false; confirm a re-run to run it again.`,
      { stepId: step.id },
    );
  }
}

/** Returns the text to type for a high-risk step: the named parameter's value, else the step id. */
export function typedConfirmText(step: RunbookStep, params: ResolvedParams): string {
  const param = step.confirmParam;
  if (
    param &&
    params.env[param] !== undefined &&
    !params.secrets.includes(params.env[param] ?? '')
  ) {
    return params.env[param] ?? step.id;
  }
  return step.id;
}
