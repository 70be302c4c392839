import { z } from 'zod';

/**
 * Schemas of the Prometheus HTTP API query responses (`/api/v1/query`), as documented for
 * Prometheus 2.x and 3.x. Sample values are strings because they may be `NaN` or `+Inf`.
 */

/** `[unix seconds, "value"]`. */
export const PromSampleSchema = z.tuple([z.number(), z.string()]);
export type PromSample = z.infer<typeof PromSampleSchema>;

const LabelsSchema = z.record(z.string(), z.string());

/** One series of an instant vector; native histograms carry `histogram` instead of `value`. */
const VectorSeriesSchema = z.object({
  metric: LabelsSchema,
  value: PromSampleSchema.optional(),
  histogram: z.tuple([z.number(), z.unknown()]).optional(),
});

/** One series of a range vector. */
const MatrixSeriesSchema = z.object({
  metric: LabelsSchema,
  values: z.array(PromSampleSchema).optional(),
  histograms: z.array(z.tuple([z.number(), z.unknown()])).optional(),
});

export const PromQueryDataSchema = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('vector'), result: z.array(VectorSeriesSchema) }),
  z.object({ resultType: z.literal('matrix'), result: z.array(MatrixSeriesSchema) }),
  z.object({ resultType: z.literal('scalar'), result: PromSampleSchema }),
  z.object({ resultType: z.literal('string'), result: PromSampleSchema }),
]);
export type PromQueryData = z.infer<typeof PromQueryDataSchema>;

/** A query response: `success` with data, or `error` with Prometheus's error type and text. */
export const PromResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('success'),
    data: PromQueryDataSchema,
    warnings: z.array(z.string()).optional(),
    infos: z.array(z.string()).optional(),
  }),
  z.object({
    status: z.literal('error'),
    /** Such as `bad_data`, `execution`, `timeout`, `canceled`, `internal`, `unavailable`. */
    errorType: z.string(),
    error: z.string(),
    warnings: z.array(z.string()).optional(),
  }),
]);
export type PromResponse = z.infer<typeof PromResponseSchema>;
