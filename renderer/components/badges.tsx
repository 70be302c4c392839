import type { Severity, Status } from '../../shared/domain/incident';

/** Severity as a coloured tag; SEV0 and SEV1 use the attention colour. */
export function SeverityBadge({ severity }: { severity: Severity | null }) {
  const level = severity ? severity.toLowerCase() : 'unset';
  return <span className={`badge sev sev-${level}`}>{severity ?? 'unset'}</span>;
}

/** Lifecycle status as a quiet tag. */
export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge status status-${status}`}>{status}</span>;
}
