import type { BackendHealth } from '../../../shared/domain/trace';

/** Words for each health status, as the settings view and the trace search show them. */
const STATUS_LABELS: Record<BackendHealth['status'], string> = {
  unknown: 'not tested',
  up: 'up',
  slow: 'slow',
  failing: 'failing',
  circuit_open: 'circuit open',
};

/** Renders a backend's health as a tag, with the last latency or the last error beside it. */
export function HealthBadge({ health }: { health: BackendHealth }) {
  return (
    <span className="health" aria-label={`Health of ${health.name}`}>
      <span className={`badge health-${health.status}`}>{STATUS_LABELS[health.status]}</span>
      {health.lastLatencyMs !== null && health.status !== 'failing' && (
        <span className="mono muted"> {Math.round(health.lastLatencyMs)} ms</span>
      )}
      {health.lastError && <span className="health-error"> {health.lastError}</span>}
    </span>
  );
}
