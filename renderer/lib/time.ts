/**
 * Formats a span of milliseconds as a short age such as `42s`, `17m`, `3h 05m` or
 * `2d 4h`. Negative spans (clock skew between hosts) read as `0s`.
 */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  const days = Math.floor(hours / 24);
  return `${days}d ${hours % 24}h`;
}

/** Age of an ISO time relative to `now` (milliseconds since the epoch). */
export function ageSince(iso: string, now: number): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '?' : formatAge(now - at);
}

/** `2026-12-04 15:42:51 UTC`, for hover titles and exports. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * Local wall-clock time of an event, `15:42:51`, with the local date in front
 * (`2026-12-04 15:42:51`) when `withDate` is set because the incident spans days.
 */
export function formatLocal(iso: string, withDate: boolean): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (!withDate) return time;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

/** Whether the given ISO times fall on more than one local calendar day. */
export function spansDays(isoTimes: string[]): boolean {
  const days = new Set(isoTimes.map((iso) => new Date(iso).toDateString()));
  return days.size > 1;
}

/** A duration in milliseconds as `850 ms`, `12.3 s` or `4m 10s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}
