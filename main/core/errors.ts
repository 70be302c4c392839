import type { ErrorCode } from '../../shared/ipc/errors';

/** A failure with a contract error code; the registration wrapper turns it into error data. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Fails a switch over a union at compile time when a member is not handled. */
export function assertNever(value: never): never {
  throw new AppError('internal', `Unexpected value ${JSON.stringify(value)}.`);
}
