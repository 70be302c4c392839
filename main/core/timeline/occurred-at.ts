import { AppError } from '../errors';

/**
 * How far ahead of this machine's clock an event time may be: room for skew between the
 * responder's machines, but not for a typo such as the wrong year.
 */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Normalises a caller-supplied event time to ISO-8601 UTC, or raises `invalid_input` when it
 * is more than `MAX_FUTURE_SKEW_MS` after `now`. Backdating has no limit.
 */
export function normaliseOccurredAt(occurredAt: string, now: string): string {
  const time = new Date(occurredAt);
  if (Number.isNaN(time.getTime())) {
    throw new AppError(
      'invalid_input',
      `Invalid time "${occurredAt}": use ISO-8601 with a zone, such as 2026-12-04T10:15:00Z.`,
    );
  }
  if (time.getTime() - Date.parse(now) > MAX_FUTURE_SKEW_MS) {
    throw new AppError(
      'invalid_input',
      `Time "${occurredAt}" is in the future (now is ${now}). Use the time it happened; ` +
        'notes can be backdated but not dated ahead.',
      { occurredAt, now },
    );
  }
  return time.toISOString();
}
