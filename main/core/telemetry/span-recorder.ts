import { SpanStatusCode, context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  type ReadableSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { RecordedSpan } from '../../../shared/domain/diagnostics';

/** How many finished spans the diagnostics view can show; older ones are dropped. */
const MAX_RECORDED_SPANS = 500;

/** A span processor that keeps the latest finished spans in memory for diagnostics. */
export class SpanRecorder implements SpanProcessor {
  private readonly spans: RecordedSpan[] = [];

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    const [seconds, nanos] = span.duration;
    this.spans.push({
      name: span.name,
      traceId: span.spanContext().traceId,
      spanId: span.spanContext().spanId,
      parentSpanId: span.parentSpanContext?.spanId ?? null,
      startedAt: new Date(span.startTime[0] * 1000 + span.startTime[1] / 1e6).toISOString(),
      durationMs: seconds * 1000 + nanos / 1e6,
      ok: span.status.code !== SpanStatusCode.ERROR,
      error: span.status.message ?? null,
      attributes: Object.fromEntries(
        Object.entries(span.attributes).map(([key, value]) => [key, String(value)]),
      ),
    });
    if (this.spans.length > MAX_RECORDED_SPANS) this.spans.shift();
  }

  /** The recorded spans, oldest first. */
  recent(): RecordedSpan[] {
    return [...this.spans];
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}

let recorder: SpanRecorder | undefined;

/**
 * Installs the process-wide tracer provider with the in-memory recorder, once per process
 * (OpenTelemetry allows one global provider), and returns the recorder.
 */
export function installSpanRecorder(): SpanRecorder {
  if (recorder) return recorder;
  recorder = new SpanRecorder();
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [recorder] }));
  return recorder;
}
