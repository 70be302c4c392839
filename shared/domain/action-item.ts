import { z } from 'zod';

export const ACTION_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export const ActionPrioritySchema = z.enum(ACTION_PRIORITIES);

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** A follow-up from a postmortem, tracked until done. */
export const ActionItemSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  title: z.string(),
  owner: z.string().nullable(),
  /** Calendar date `YYYY-MM-DD`, or null when not yet agreed. */
  dueDate: z.string().nullable(),
  priority: ActionPrioritySchema.nullable(),
  status: ActionStatusSchema,
  createdAt: z.string(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

/** A `YYYY-MM-DD` date that exists in the calendar. */
export const DueDateSchema = z.iso.date();
