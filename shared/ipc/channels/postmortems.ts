import { z } from 'zod';
import { defineChannel } from '../define';

/** Channels for postmortem drafts and export. */
export const postmortemChannels = {
  'postmortems:export': defineChannel(
    z.object({ incidentId: z.string().min(1), format: z.enum(['md']).default('md') }),
    z.object({
      /** Suggested file name, such as `postmortem-2026-12-04-db-failover.md`. */
      fileName: z.string(),
      content: z.string(),
    }),
    'Generates the postmortem from the incident and its timeline and returns the document.',
  ),
};
