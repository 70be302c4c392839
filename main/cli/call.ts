import type { Channel, RequestInput, Response } from '../../shared/ipc/contract';
import type { ContractError, ErrorCode } from '../../shared/ipc/errors';
import type { Core } from '../core/core';
import { invoke } from '../core/invoke';
import { EXIT } from './context';

/** A failed contract call, carrying the error data and the exit code it maps to. */
export class CallFailure extends Error {
  readonly exitCode: number;

  constructor(readonly error: ContractError) {
    super(error.message);
    this.name = 'CallFailure';
    this.exitCode = exitCodeFor(error.code);
  }
}

/** Errors caused by what the user typed exit with 2; everything else with 1. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
    case 'not_found':
    case 'precondition_failed':
      return EXIT.usage;
    case 'conflict':
    case 'unauthorized':
    case 'backend_error':
    case 'failed':
    case 'internal':
      return EXIT.failed;
  }
}

/**
 * Calls a channel through the same wrapper the other hosts use (validation, span, log)
 * and returns the value, or throws `CallFailure`.
 */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: RequestInput<C>,
): Promise<Response<C>> {
  const result = await invoke(core, channel, input);
  if (!result.ok) throw new CallFailure(result.error);
  return result.value as Response<C>;
}
