import { z } from 'zod';

/** Every kind of timeline event. New kinds are added here and nowhere else. */
export const TIMELINE_KINDS = [
  'declared',
  'note',
  'status_changed',
  'severity_changed',
  'commander_changed',
  'runbook_step',
  'manual_step',
  'trace_attached',
  'backend_health',
  'postmortem_exported',
] as const;
export const TimelineKindSchema = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKindSchema>;

/** Where an event came from: a person in a host, or the app itself. */
export const EventSourceSchema = z.enum(['desktop', 'web', 'cli', 'system']);
export type EventSource = z.infer<typeof EventSourceSchema>;

export const TimelineEventSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  kind: TimelineKindSchema,
  /** When it happened (ISO-8601 UTC); a note may be backdated. */
  occurredAt: z.string(),
  /** When Firebreak stored it (ISO-8601 UTC); never edited. */
  recordedAt: z.string(),
  source: EventSourceSchema,
  /** Actor name, if known. */
  actor: z.string().nullable(),
  /** One-line human summary, shown in the timeline and the postmortem. */
  summary: z.string(),
  /** Kind-specific structured data. */
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
