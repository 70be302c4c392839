import { AppError } from '../errors';
import { normaliseSpanId, normaliseTraceId } from './ids';
import type { ValidationContext } from './validate';

/** Normalises a required trace id or throws an error naming the field and the value. */
export function requireTraceId(raw: string, field: string, context: ValidationContext): string {
  const id = normaliseTraceId(raw);
  if (id === null) throw invalidId(raw, field, 'trace id', context);
  return id;
}

/** Normalises a required span id or throws an error naming the field and the value. */
export function requireSpanId(raw: string, field: string, context: ValidationContext): string {
  const id = normaliseSpanId(raw);
  if (id === null) throw invalidId(raw, field, 'span id', context);
  return id;
}

/** Normalises an optional parent span id; empty and all-zero ids mean "no parent". */
export function optionalSpanId(
  raw: string | undefined,
  field: string,
  context: ValidationContext,
): string | null {
  if (raw === undefined || raw === '' || /^0+$/.test(raw) || /^A+=*$/.test(raw)) return null;
  return requireSpanId(raw, field, context);
}

function invalidId(raw: string, field: string, what: string, context: ValidationContext): AppError {
  return new AppError(
    context.code,
    `${context.subject} is invalid at field ${field}: "${raw.slice(0, 60)}" is not a ${what} ` +
      `in hex or base64. ${context.nextStep}`,
    { field, value: raw.slice(0, 60) },
  );
}
