import {
  BrokenCircuitError,
  BulkheadRejectedError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { BackendHealth } from '../../../shared/domain/trace';
import type { Logger } from '../telemetry/logger';
import type { BackendConfig } from './config';
import { HttpStatusError, InvalidBodyError } from './http';

export type { BackendHealth } from '../../../shared/domain/trace';

/** Consecutive failed attempts that open the circuit. */
export const FAILURES_TO_OPEN = 5;
/** Requests one backend runs at once, and how many more may wait for a slot. */
export const MAX_CONCURRENT = 4;
export const MAX_QUEUED = 16;
/** Attempts per request, the first included; only GET requests are sent, so all may retry. */
export const MAX_ATTEMPTS = 3;

/** Returns whether a failure shows the backend is unhealthy, so it counts towards the breaker. */
function isBackendFailure(error: Error): boolean {
  if (error instanceof HttpStatusError) return error.status >= 500 || error.status === 429;
  return !(error instanceof BrokenCircuitError || error instanceof BulkheadRejectedError);
}

/** Returns whether retrying may help: timeouts, network errors, 5xx, 429 and cut-off bodies. */
function isRetryable(error: Error): boolean {
  if (error instanceof InvalidBodyError) return error.message.includes('ended early');
  return isBackendFailure(error);
}

/**
 * The policy stack and health of one backend: a bulkhead, then retries with jittered
 * exponential backoff, then a circuit breaker counting each attempt, then a per-attempt timeout.
 */
export class BackendPolicy {
  readonly policy: IPolicy;
  private current: BackendHealth;
  private readonly slowMs: number;

  constructor(
    config: Pick<BackendConfig, 'name' | 'timeoutMs' | 'slowMs' | 'halfOpenAfterMs'>,
    private readonly log: Logger,
    private readonly onHealthChange: (health: BackendHealth) => void,
  ) {
    this.current = { name: config.name, status: 'unknown', lastError: null, lastLatencyMs: null };
    const breaker = circuitBreaker(handleWhen(isBackendFailure), {
      halfOpenAfter: config.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(FAILURES_TO_OPEN),
    });
    breaker.onBreak(() => this.update({ status: 'circuit_open' }));
    breaker.onHalfOpen(() => this.log.info({ backend: config.name }, 'circuit half-open'));
    const retries = retry(handleWhen(isRetryable), {
      maxAttempts: MAX_ATTEMPTS - 1,
      // The default generator of ExponentialBackoff is decorrelated jitter.
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 2_000 }),
    });
    retries.onRetry((event) =>
      this.log.warn(
        {
          backend: config.name,
          attempt: event.attempt,
          error: 'error' in event ? event.error.message : null,
        },
        'backend request retried',
      ),
    );
    this.policy = wrap(
      bulkhead(MAX_CONCURRENT, MAX_QUEUED),
      retries,
      breaker,
      timeout(config.timeoutMs, TimeoutStrategy.Aggressive),
    );
    this.slowMs = config.slowMs;
  }

  get health(): BackendHealth {
    return this.current;
  }

  /** Records a successful request and its duration. */
  succeeded(latencyMs: number): void {
    this.update({
      status: latencyMs > this.slowMs ? 'slow' : 'up',
      lastError: null,
      lastLatencyMs: Math.round(latencyMs),
    });
  }

  /** Records a failed request; an open circuit stays the reported status. */
  failed(error: Error): void {
    const status = error instanceof BrokenCircuitError ? 'circuit_open' : 'failing';
    this.update({ status, lastError: describe(error) });
  }

  private update(change: Partial<BackendHealth>): void {
    const next = { ...this.current, ...change };
    const changed = next.status !== this.current.status;
    this.current = next;
    if (changed) {
      this.log.info(
        { backend: next.name, status: next.status, lastError: next.lastError },
        'backend health changed',
      );
      this.onHealthChange(next);
    }
  }
}

/** Describes a failure in words for messages and the health view. */
export function describe(error: Error): string {
  if (error instanceof TaskCancelledError) return 'the request timed out';
  if (error instanceof BrokenCircuitError) {
    return 'the circuit is open after repeated failures, so no request was sent';
  }
  if (error instanceof BulkheadRejectedError) return 'too many requests are already waiting';
  return error.message;
}
