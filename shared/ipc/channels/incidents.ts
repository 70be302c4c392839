import { z } from 'zod';
import { IncidentSchema, SeveritySchema, StatusSchema } from '../../domain/incident';
import { describeUnsafeCharacter } from '../../domain/text';
import { TimelineEventSchema } from '../../domain/timeline';
import { defineChannel } from '../define';

/**
 * A one-line text field: trimmed, at most `max` characters, and free of newlines, terminal
 * control characters and bidirectional overrides, which would corrupt lists and terminals.
 */
function singleLine(field: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${field} is longer than ${max} characters`)
    .superRefine((value, context) => {
      const unsafe = value.includes('\n') ? 'a line break' : describeUnsafeCharacter(value);
      if (unsafe) {
        context.addIssue({
          code: 'custom',
          message: `${field} contains ${unsafe}; remove it and retry`,
        });
      }
    });
}

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
      title: singleLine('title', 300).pipe(z.string().min(1, 'title is empty')),
      severity: SeveritySchema.nullable().optional(),
      commander: singleLine('commander', 120).nullable().optional(),
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
    z.object({ id: IncidentIdSchema, commander: singleLine('commander', 120).nullable() }),
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
