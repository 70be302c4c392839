import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { AppError } from '../errors';
import { openTestCore } from './test-helpers';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/fixtures');
const corpusPresent = fs.existsSync(corpusDir);
const traceFiles = corpusPresent
  ? fs.readdirSync(corpusDir).filter((name) => /^(jaeger|otlp|tempo|zipkin)-.*\.json$/.test(name))
  : [];

/** A span as this test reads it straight from the raw JSON, independent of the importers. */
interface RawSpan {
  operation: string;
  hasParent: boolean;
  /** Start in the file's own unit; Infinity when missing or zero. */
  start: number;
}

function record(value: unknown): Record<string, unknown> {
  return (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function startOf(value: unknown): number {
  const n = Number(value ?? 0);
  return n > 0 ? n : Infinity;
}

function walkOtlp(resourceSpans: unknown[]): RawSpan[] {
  return resourceSpans.flatMap((rs) => {
    const scopes = [
      ...list(record(rs).scopeSpans),
      ...list(record(rs).instrumentationLibrarySpans),
    ];
    return scopes.flatMap((scope) =>
      list(record(scope).spans).map((s) => ({
        operation: String(record(s).name ?? ''),
        hasParent: Boolean(record(s).parentSpanId),
        start: startOf(record(s).startTimeUnixNano),
      })),
    );
  });
}

function walkJaeger(trace: unknown): RawSpan[] {
  return list(record(trace).spans).map((s) => ({
    operation: String(record(s).operationName),
    hasParent: list(record(s).references).length > 0 || Boolean(record(s).parentSpanID),
    start: startOf(record(s).startTime),
  }));
}

/** Reads the spans of a corpus file by walking its JSON; empty when it contains no trace. */
function walkRaw(json: unknown): RawSpan[] {
  if (Array.isArray(json)) {
    return json.flat().map((s) => ({
      operation: String(record(s).name ?? ''),
      hasParent: Boolean(record(s).parentId),
      start: startOf(record(s).timestamp),
    }));
  }
  const doc = record(json);
  if (Array.isArray(doc.data)) return doc.data.flatMap(walkJaeger);
  if (Array.isArray(doc.spans)) return walkJaeger(doc);
  const otlp =
    doc.resourceSpans ??
    doc.batches ??
    record(doc.result).resourceSpans ??
    record(doc.trace).resourceSpans;
  return walkOtlp(list(otlp));
}

/** Returns the earliest span without a parent, else the earliest span (all are orphans). */
function expectedRoot(spans: RawSpan[]): string {
  const declared = spans.filter((s) => !s.hasParent);
  const candidates = declared.length > 0 ? declared : spans;
  let best = candidates[0] as RawSpan;
  for (const span of candidates) if (span.start < best.start) best = span;
  return best.operation;
}

describe.skipIf(!corpusPresent)('corpus trace files', () => {
  let core: Core;
  let incidentId: string;
  beforeAll(() => {
    ({ core, incidentId } = openTestCore());
  });
  afterAll(() => core.close());

  it('finds trace files in the corpus', () => {
    expect(traceFiles.length).toBeGreaterThan(0);
  });

  it.each(traceFiles)('%s imports or is rejected clearly', (name) => {
    const content = fs.readFileSync(path.join(corpusDir, name), 'utf8');
    const raw = walkRaw(JSON.parse(content));
    if (raw.length === 0) {
      let error: unknown;
      try {
        core.traces.importFile({ incidentId, fileName: name, content });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_input');
      expect((error as AppError).message).toContain(`File "${name}" is not a trace`);
      return;
    }
    const summary = core.traces.importFile({ incidentId, fileName: name, content });
    expect(summary.spanCount).toBe(raw.length);
    expect(summary.rootOperation).toBe(expectedRoot(raw));
    expect(summary.traceId).toMatch(/^[0-9a-f]{32}$/);
    const snapshot = core.traces.getSnapshot(summary.snapshotId);
    expect(snapshot.spans).toHaveLength(raw.length);
  });
});

if (!corpusPresent) {
  describe('corpus trace files', () => {
    it.skip(`skipped: corpus folder ${corpusDir} is absent`, () => {});
  });
}
