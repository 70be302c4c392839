import { AppError } from '../errors';
import { normaliseSpanId, normaliseTraceId } from './ids';
import type { ValidationContext } from './validate';

/**
 * A field path for an error message, or a function that builds it, so that hot loops
 * build the path only when an id is invalid.
 */
export type FieldPath = string | (() => string);

/** Normalises a required trace id or throws an error naming the field and the value. */
export function requireTraceId(raw: string, field: FieldPath, context: ValidationContext): string {
  const id = normaliseTraceId(raw);
  if (id === null) throw invalidId(raw, field, 'trace id', context);
  return id;
}

/** Normalises a required span id or throws an error naming the field and the value. */
export function requireSpanId(raw: string, field: FieldPath, context: ValidationContext): string {
  const id = normaliseSpanId(raw);
  if (id === null) throw invalidId(raw, field, 'span id', context);
  return id;
}

/** Normalises an optional parent span id; empty and all-zero ids mean "no parent". */
export function optionalSpanId(
  raw: string | undefined,
  field: FieldPath,
  context: ValidationContext,
): string | null {
  if (raw === undefined || raw === '' || /^0+$/.test(raw) || /^A+=*$/.test(raw)) return null;
  return requireSpanId(raw, field, context);
}

function invalidId(
  raw: string,
  fieldPath: FieldPath,
  what: string,
  context: ValidationContext,
): AppError {
  const field = typeof fieldPath === 'string' ? fieldPath : fieldPath();
  return new AppError(
    context.code,
    `${context.subject} is invalid at field ${field}: "${raw.slice(0, 60)}" is not a ${what} ` +
      `in hex or base64. ${context.nextStep}`,
    { field, value: raw.slice(0, 60) },
  );
}
