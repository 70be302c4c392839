import { z } from 'zod';
import { isOtlpSpan } from './otlp-span-check';

/**
 * OTLP/JSON trace schemas (opentelemetry-proto, "JSON Protobuf Encoding"). Objects strip
 * unknown fields instead of failing, as receivers must ignore them; spans that pass
 * `isOtlpSpan` keep them. Enums accept integers
 * (the OTLP rule) and names (Tempo's JSON output).
 */

/** An int64 written as a decimal string (the protobuf JSON rule) or as a JSON number. */
export const Int64Schema = z.union([z.string().regex(/^-?\d+$/), z.number().int()]);

export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number | string;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
}
export interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}

export const OtlpAnyValueSchema: z.ZodType<OtlpAnyValue> = z.lazy(() =>
  z.object({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: Int64Schema.optional(),
    // Proto3 JSON writes non-finite doubles as the strings NaN, Infinity and -Infinity.
    doubleValue: z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]).optional(),
    bytesValue: z.string().optional(),
    arrayValue: z.object({ values: z.array(OtlpAnyValueSchema).optional() }).optional(),
    kvlistValue: z.object({ values: z.array(OtlpKeyValueSchema).optional() }).optional(),
  }),
);

export const OtlpKeyValueSchema: z.ZodType<OtlpKeyValue> = z.lazy(() =>
  z.object({ key: z.string(), value: OtlpAnyValueSchema.optional() }),
);

const EnumValueSchema = z.union([z.number().int(), z.string()]);

export const OtlpEventSchema = z.object({
  timeUnixNano: Int64Schema.optional(),
  name: z.string().optional(),
  attributes: z.array(OtlpKeyValueSchema).optional(),
});

export const OtlpLinkSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  attributes: z.array(OtlpKeyValueSchema).optional(),
});

export const OtlpSpanSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string().optional(),
  kind: EnumValueSchema.optional(),
  startTimeUnixNano: Int64Schema.optional(),
  endTimeUnixNano: Int64Schema.optional(),
  attributes: z.array(OtlpKeyValueSchema).optional(),
  events: z.array(OtlpEventSchema).optional(),
  links: z.array(OtlpLinkSchema).optional(),
  status: z.object({ code: EnumValueSchema.optional(), message: z.string().optional() }).optional(),
});
export type OtlpSpan = z.infer<typeof OtlpSpanSchema>;

const OtlpSpanArraySchema = z.array(OtlpSpanSchema);

/**
 * The spans of one scope. `isOtlpSpan` checks them by hand, about 15 times faster than zod
 * on the 100,000-span import benchmark. It keeps unknown fields instead of stripping them, which the importer
 * ignores. Only when that check fails does zod parse the list, to word the error with the
 * same message and field path as before.
 */
export const OtlpSpanListSchema = z.unknown().transform((value, ctx): OtlpSpan[] => {
  if (Array.isArray(value) && value.every(isOtlpSpan)) return value as OtlpSpan[];
  const result = OtlpSpanArraySchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
  return z.NEVER;
});

const ScopeSchema = z.object({ name: z.string().optional(), version: z.string().optional() });

export const OtlpScopeSpansSchema = z.object({
  scope: ScopeSchema.optional(),
  spans: OtlpSpanListSchema.optional(),
});

export const OtlpResourceSpansSchema = z.object({
  resource: z.object({ attributes: z.array(OtlpKeyValueSchema).optional() }).optional(),
  scopeSpans: z.array(OtlpScopeSpansSchema).optional(),
  // Tempo 1.x and OTLP before v0.15 used the old name for scope spans.
  instrumentationLibrarySpans: z
    .array(
      z.object({
        instrumentationLibrary: ScopeSchema.optional(),
        spans: OtlpSpanListSchema.optional(),
      }),
    )
    .optional(),
});
export type OtlpResourceSpans = z.infer<typeof OtlpResourceSpansSchema>;

/** `TracesData`: the body of an OTLP export request and of an OTLP JSON file. */
export const OtlpTracesDataSchema = z.object({
  resourceSpans: z.array(OtlpResourceSpansSchema),
});
export type OtlpTracesData = z.infer<typeof OtlpTracesDataSchema>;
