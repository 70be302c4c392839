import { z } from 'zod';
import {
  BackendHealthSchema,
  BackendInfoSchema,
  TraceSnapshotSchema,
  TraceSummarySchema,
} from '../../domain/trace';
import { defineChannel } from '../define';

/** Largest trace file accepted through the contract, in characters of JSON text. */
export const MAX_TRACE_FILE_CHARS = 256 * 1024 * 1024;

/** Channels for trace import and snapshots. */
export const traceChannels = {
  'traces:import-file': defineChannel(
    z.object({
      incidentId: z.string().min(1),
      /** File name as the user picked it, for messages and the timeline. */
      fileName: z.string().min(1).max(500),
      /** The whole file as text. */
      content: z.string().max(MAX_TRACE_FILE_CHARS),
      note: z.string().max(5_000).optional(),
    }),
    TraceSummarySchema,
    'Imports a Jaeger, OTLP, Tempo or Zipkin JSON file, stores the snapshot and adds a timeline event.',
  ),
  'traces:list': defineChannel(
    z.object({ incidentId: z.string().min(1) }),
    z.array(TraceSummarySchema),
    'Lists the summaries of the traces attached to an incident, oldest first; empty when none.',
  ),
  'traces:get-snapshot': defineChannel(
    z.object({ snapshotId: z.string().min(1) }),
    TraceSnapshotSchema,
    'Returns a stored trace snapshot: spans in tree order, repairs and the critical path.',
  ),
  'traces:fetch': defineChannel(
    z.object({
      incidentId: z.string().min(1),
      /** Backend name from the backends file. */
      backend: z.string().min(1),
      /** Trace id in hex (16 or 32 digits, either case) or base64. */
      traceId: z.string().min(1).max(64),
      note: z.string().max(5_000).optional(),
    }),
    TraceSummarySchema,
    'Fetches a trace by id from a configured backend, stores the snapshot and adds a timeline event.',
  ),
  'backends:list': defineChannel(
    z.object({}),
    z.array(BackendInfoSchema),
    'Lists the configured trace backends with their health; tokens and header values are left out.',
  ),
  'backends:test': defineChannel(
    z.object({ name: z.string().min(1) }),
    BackendHealthSchema,
    'Sends one probe request to a backend and returns its health afterwards.',
  ),
};
