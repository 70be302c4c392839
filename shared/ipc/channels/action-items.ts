import { z } from 'zod';
import {
  ActionItemSchema,
  ActionPrioritySchema,
  ActionStatusSchema,
  DueDateSchema,
} from '../../domain/action-item';
import { defineChannel } from '../define';

/** Channels for postmortem action items. */
export const actionItemChannels = {
  'action-items:add': defineChannel(
    z.object({
      incidentId: z.string().min(1),
      title: z.string().trim().min(1, 'title is empty').max(500),
      owner: z.string().trim().max(120).nullable().optional(),
      dueDate: DueDateSchema.nullable().optional(),
      priority: ActionPrioritySchema.nullable().optional(),
    }),
    ActionItemSchema,
    'Adds an open action item to an incident.',
  ),
  'action-items:list': defineChannel(
    z.object({ incidentId: z.string().min(1).optional() }).default({}),
    z.array(ActionItemSchema),
    'Lists action items of one incident, or of all incidents: open first, then by due date.',
  ),
  'action-items:update': defineChannel(
    z.object({
      id: z.string().min(1),
      owner: z.string().trim().max(120).nullable().optional(),
      dueDate: DueDateSchema.nullable().optional(),
      status: ActionStatusSchema.optional(),
    }),
    ActionItemSchema,
    'Changes the owner, due date or status of an action item.',
  ),
};
