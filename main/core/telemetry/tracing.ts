import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

const tracer = trace.getTracer('firebreak');

/**
 * Runs `work` inside an OpenTelemetry span named `name`. Without a registered SDK the
 * API is a no-op, so this costs almost nothing until a host installs an exporter.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T> | T,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      const result = await work();
      span.setStatus({ code: SpanStatusCode.OK });
      return result;
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
