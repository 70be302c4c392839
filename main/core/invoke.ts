import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { contract, isChannel, type Channel, type Response } from '../../shared/ipc/contract';
import type { ContractError, Result } from '../../shared/ipc/errors';
import type { Core } from './core';
import { AppError } from './errors';
import { handlers, type Handler } from './handlers';
import { withSpan } from './telemetry/tracing';

/**
 * Calls a contract channel: parses the raw input, runs the handler inside a span, logs the
 * call, and turns every failure into error data. Hosts call this and nothing else.
 */
export async function invoke(
  core: Core,
  channel: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return failure({ code: 'not_found', message: `Unknown channel "${channel}".` });
  }
  const started = performance.now();
  const log = core.log.child({ channel });
  const parsed = contract[channel].request.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const error = invalidInput(channel, parsed.error);
    log.warn({ error }, 'contract call rejected');
    return failure(error);
  }
  try {
    const handler = handlers[channel] as Handler<Channel>;
    const value = await withSpan(`ipc ${channel}`, { 'firebreak.channel': channel }, () =>
      handler(parsed.data as never, core),
    );
    log.info({ durationMs: round(performance.now() - started) }, 'contract call');
    return { ok: true, value: value as Response<Channel> };
  } catch (error) {
    const data = toContractError(error);
    const level = data.code === 'internal' ? 'error' : 'warn';
    // Unexpected errors keep their stack in the log, where the user's message points.
    const err = data.code === 'internal' ? error : undefined;
    log[level](
      { error: data, err, durationMs: round(performance.now() - started) },
      'contract call failed',
    );
    return failure(data);
  }
}

/** Converts any thrown value into contract error data. */
export function toContractError(error: unknown): ContractError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, details: error.details };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}. Check the log file.` };
}

function invalidInput(channel: Channel, error: z.ZodError): ContractError {
  const issues = error.issues.map((issue) => {
    const field = issue.path.join('.') || '(request)';
    return `${field}: ${issue.message}`;
  });
  return {
    code: 'invalid_input',
    message: `Invalid request for ${channel}: ${issues.join('; ')}.`,
    details: { issues: error.issues },
  };
}

function failure(error: ContractError): Result<never> {
  return { ok: false, error };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
