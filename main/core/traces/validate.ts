import type { z } from 'zod';
import type { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../errors';

/** How to word a validation failure: who sent the document and what to do about it. */
export interface ValidationContext {
  code: ErrorCode;
  /** The document in words, such as `File "trace.json"` or `Jaeger GET /api/v3/traces/…`. */
  subject: string;
  /** What the reader can do next. */
  nextStep: string;
}

/**
 * Parses `value` with `schema` or throws an `AppError` that names the subject, the first
 * failing field as a dotted path, and the problem.
 */
export function parseDocument<T>(
  schema: z.ZodType<T>,
  value: unknown,
  context: ValidationContext,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(document)';
  const problem = issue?.message ?? 'invalid';
  throw new AppError(
    context.code,
    `${context.subject} is invalid at field ${field}: ${problem}. ${context.nextStep}`,
    { field, issues: result.error.issues.slice(0, 5) },
  );
}
