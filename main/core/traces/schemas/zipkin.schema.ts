import { z } from 'zod';

/** Zipkin v2 span model (`zipkin2-api.yaml`). Unknown fields are stripped, not rejected. */

export const ZipkinEndpointSchema = z.object({
  serviceName: z.string().optional(),
  ipv4: z.string().optional(),
  ipv6: z.string().optional(),
  port: z.number().int().optional(),
});

export const ZipkinSpanSchema = z.object({
  traceId: z.string(),
  id: z.string(),
  parentId: z.string().optional(),
  name: z.string().optional(),
  kind: z.enum(['CLIENT', 'SERVER', 'PRODUCER', 'CONSUMER']).optional(),
  /** Microseconds since the Unix epoch; absent in late or partial data. */
  timestamp: z.number().int().optional(),
  /** Microseconds. */
  duration: z.number().int().optional(),
  debug: z.boolean().optional(),
  shared: z.boolean().optional(),
  localEndpoint: ZipkinEndpointSchema.optional(),
  remoteEndpoint: ZipkinEndpointSchema.optional(),
  annotations: z.array(z.object({ timestamp: z.number().int(), value: z.string() })).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
export type ZipkinSpan = z.infer<typeof ZipkinSpanSchema>;

/** One trace: the body of `GET /api/v2/trace/{traceId}`. */
export const ZipkinTraceSchema = z.array(ZipkinSpanSchema);
