import { z } from 'zod';
import { IncidentSchema, SeveritySchema, StatusSchema } from '../../domain/incident';
import { TimelineEventSchema } from '../../domain/timeline';
import { defineChannel } from '../define';

const IncidentIdSchema = z.string().min(1, 'incident id is empty');

/** Channels for incidents and their timelines. */
export const incidentChannels = {
  'incidents:list': defineChannel(
    z.object({}).default({}),
    z.array(IncidentSchema),
    'Lists every incident, open ones first, newest first within each group.',
  ),
  'incidents:declare': defineChannel(
    z.object({
      title: z.string().trim().min(1, 'title is empty').max(300),
      severity: SeveritySchema.nullable().optional(),
      commander: z.string().trim().max(120).nullable().optional(),
    }),
    IncidentSchema,
    'Declares a new incident in triage and records a "declared" event.',
  ),
  'incidents:get': defineChannel(
    z.object({ id: IncidentIdSchema }),
    z.object({ incident: IncidentSchema, timeline: z.array(TimelineEventSchema) }),
    'Returns one incident with its whole timeline, oldest event first.',
  ),
  'incidents:set-status': defineChannel(
    z.object({ id: IncidentIdSchema, status: StatusSchema }),
    IncidentSchema,
    'Moves an incident along its lifecycle and records the change in the timeline.',
  ),
  'incidents:set-severity': defineChannel(
    z.object({ id: IncidentIdSchema, severity: SeveritySchema.nullable() }),
    IncidentSchema,
    'Changes the severity (null for unset) and records the change in the timeline.',
  ),
  'incidents:set-commander': defineChannel(
    z.object({ id: IncidentIdSchema, commander: z.string().trim().max(120).nullable() }),
    IncidentSchema,
    'Assigns or clears the incident commander and records the change.',
  ),
  'incidents:search': defineChannel(
    z.object({ query: z.string().trim().min(1, 'search text is empty').max(500) }),
    z.array(z.object({ incident: IncidentSchema, snippet: z.string() })),
    'Full-text search over incident titles and timelines; best match first, one hit per incident.',
  ),
  'timeline:add-note': defineChannel(
    z.object({
      incidentId: IncidentIdSchema,
      text: z.string().trim().min(1, 'note is empty').max(20_000),
      /** Backdating time, ISO-8601 with a zone; default now. */
      occurredAt: z.iso.datetime({ offset: true }).optional(),
    }),
    TimelineEventSchema,
    'Appends a note to the timeline, optionally backdated.',
  ),
};
