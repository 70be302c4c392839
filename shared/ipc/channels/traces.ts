import { z } from 'zod';
import {
  TraceOperationSchema,
  TraceSearchResponseSchema,
  TraceSnapshotSchema,
  TraceSummarySchema,
} from '../../domain/trace';
import { defineChannel } from '../define';

/** Largest trace file accepted through the contract, in characters of JSON text. */
export const MAX_TRACE_FILE_CHARS = 256 * 1024 * 1024;

/** Channels for trace import, backend search and snapshots. */
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
  'traces:search': defineChannel(
    z.object({
      /** The incident whose window is the default, and whose timeline records health changes. */
      incidentId: z.string().min(1),
      /** Backend name from the backends file. */
      backend: z.string().min(1),
      /** Root or any span's service; Jaeger needs one, Tempo and Zipkin search all without it. */
      service: z.string().min(1).max(300).optional(),
      operation: z.string().min(1).max(300).optional(),
      /** Window start, ISO-8601; default 15 minutes before the incident started. */
      start: z.iso.datetime({ offset: true }).optional(),
      /** Window end, ISO-8601; default the incident's resolved time, or now while it is open. */
      end: z.iso.datetime({ offset: true }).optional(),
      /** Attribute filters as `key=value`, all of which must match. */
      tags: z.array(z.string().max(500)).max(20).default([]),
      /** Maximum number of traces to return. */
      limit: z.number().int().min(1).max(1_000).default(20),
    }),
    TraceSearchResponseSchema,
    'Searches a backend for traces by service, operation, time window and tags, newest first.',
  ),
  'traces:services': defineChannel(
    z.object({ backend: z.string().min(1) }),
    z.object({ services: z.array(z.string()) }),
    'Lists the services a backend has traces for, sorted by name; empty when it has none.',
  ),
  'traces:operations': defineChannel(
    z.object({ backend: z.string().min(1), service: z.string().min(1).max(300) }),
    z.object({ operations: z.array(TraceOperationSchema) }),
    'Lists the operations (span names) of one service in a backend, sorted by name.',
  ),
  'traces:attach-spans': defineChannel(
    z.object({
      incidentId: z.string().min(1),
      /** Stored snapshot the spans are picked from. */
      snapshotId: z.string().min(1),
      /** Span keys (`TraceSpan.key`) to keep; the snapshot's other spans are left out. */
      spanKeys: z.array(z.string().min(1)).min(1).max(100_000),
      note: z.string().max(5_000).optional(),
    }),
    TraceSummarySchema,
    'Stores a new snapshot with only the selected spans of a stored one and adds a timeline event.',
  ),
};
