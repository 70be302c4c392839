import { z } from 'zod';
import { TimelineEventSchema } from '../domain/timeline';
import { BackendHealthSchema } from '../domain/trace';

/** Pushes from the core to every UI, over one event channel. */
export const PushEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('timeline:appended'), event: TimelineEventSchema }),
  z.object({
    type: z.literal('runbooks:step-output'),
    incidentId: z.string(),
    runId: z.string(),
    stepId: z.string(),
    stream: z.enum(['stdout', 'stderr']),
    chunk: z.string(),
  }),
  z.object({ type: z.literal('incidents:changed'), incidentId: z.string() }),
  /** A trace backend's health status changed (up, slow, failing, circuit open). */
  z.object({ type: z.literal('backends:health-changed'), health: BackendHealthSchema }),
]);
export type PushEvent = z.infer<typeof PushEventSchema>;
