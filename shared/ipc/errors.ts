import { z } from 'zod';

/** Error codes that cross the contract. Each code marks what kind of next step fits. */
export const ERROR_CODES = [
  /** The request does not match the schema or a value is out of range; fix the input. */
  'invalid_input',
  /** A referenced incident, runbook, step or file does not exist. */
  'not_found',
  /** The action conflicts with the current state (an illegal status change, a step already running). */
  'conflict',
  /** The action needs something first: a confirmation, a parameter value, a trusted folder. */
  'precondition_failed',
  /** The caller is not allowed (wrong token, wrong origin, wrong sender). */
  'unauthorized',
  /** A trace or metrics backend failed or returned something unusable. */
  'backend_error',
  /** The action ran and failed (a step exited non-zero, a file could not be written). */
  'failed',
  /** A bug: something Firebreak did not expect. The message names it. */
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ContractErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** A sentence naming the value that failed and what to do next. */
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ContractError = z.infer<typeof ContractErrorSchema>;

/** Result of every contract call. `invoke` catches every thrown error and returns it as data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };
