import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { AppError } from '../errors';
import { openTestCore, readFixture } from './test-helpers';

let opened: Core | undefined;
afterEach(() => opened?.close());

/** Opens a core with the four-span checkout trace attached to one incident. */
function setup() {
  const result = openTestCore();
  opened = result.core;
  const whole = result.core.traces.importFile({
    incidentId: result.incidentId,
    fileName: 'checkout.json',
    content: readFixture('otlp-checkout.json'),
  });
  return { ...result, whole };
}

function thrown(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const ROOT = '00f067aa0ba902b7';
const CHARGE = '2222222222222222';
const RECEIPT = '3333333333333333';

describe('TraceService.attachSpans', () => {
  it('stores only the selected spans', () => {
    const { core, incidentId, whole } = setup();
    const summary = core.traces.attachSpans({
      incidentId,
      snapshotId: whole.snapshotId,
      spanKeys: [RECEIPT, ROOT],
      note: 'the slow publish',
    });
    expect(summary).toMatchObject({
      traceId: whole.traceId,
      spanCount: 2,
      rootService: 'checkout',
      rootOperation: 'POST /orders',
      errorCount: 2,
      sourceSnapshotId: whole.snapshotId,
      sourceSpanCount: 4,
    });
    const snapshot = core.traces.getSnapshot(summary.snapshotId);
    expect(snapshot.spans.map((s) => [s.key, s.parentKey, s.depth])).toEqual([
      [ROOT, null, 0],
      [RECEIPT, ROOT, 1],
    ]);
    expect(snapshot.selection).toEqual({
      sourceSnapshotId: whole.snapshotId,
      spanKeys: [ROOT, RECEIPT],
      sourceSpanCount: 4,
    });
    expect(snapshot.note).toBe('the slow publish');
    expect(snapshot.resources).toHaveLength(1);
  });

  it('measures times from the earliest kept span', () => {
    const { core, incidentId, whole } = setup();
    const source = core.traces.getSnapshot(whole.snapshotId);
    const receipt = source.spans.find((s) => s.key === RECEIPT);
    const summary = core.traces.attachSpans({
      incidentId,
      snapshotId: whole.snapshotId,
      spanKeys: [CHARGE, RECEIPT],
    });
    const snapshot = core.traces.getSnapshot(summary.snapshotId);
    const charge = source.spans.find((s) => s.key === CHARGE);
    expect(snapshot.startTimeUnixNano).toBe(charge?.startTimeUnixNano);
    expect(snapshot.spans[0]?.startMs).toBe(0);
    expect(snapshot.spans[1]?.startMs).toBeCloseTo(
      (receipt?.startMs ?? 0) - (charge?.startMs ?? 0),
      6,
    );
    const kept = new Set([CHARGE, RECEIPT]);
    expect(snapshot.criticalPath.every((segment) => kept.has(segment.spanKey))).toBe(true);
  });

  it('records the timeline event and postmortem row', () => {
    const { core, incidentId, whole } = setup();
    const summary = core.traces.attachSpans({
      incidentId,
      snapshotId: whole.snapshotId,
      spanKeys: [CHARGE],
    });
    const events = core.timeline.list(incidentId).filter((e) => e.kind === 'trace_attached');
    const event = events.at(-1);
    expect(event?.summary).toBe(
      'Trace 4bf92f35… attached: checkout charge card, 1 selected span of 4, 1 error, 590.0 ms',
    );
    expect(event?.data).toMatchObject({
      snapshotId: summary.snapshotId,
      selectedSpanCount: 1,
      sourceSnapshotId: whole.snapshotId,
      sourceSpanCount: 4,
    });
    expect(core.traces.listForIncident(incidentId).map((s) => s.sourceSpanCount)).toEqual([
      undefined,
      4,
    ]);
    const markdown = core.postmortems.exportMarkdown(incidentId);
    expect(JSON.stringify(markdown)).toContain('| 1 selected of 4 |');
  });

  it('rejects an unknown span key', () => {
    const { core, incidentId, whole } = setup();
    const error = thrown(() =>
      core.traces.attachSpans({ incidentId, snapshotId: whole.snapshotId, spanKeys: ['nope'] }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('Span keys nope are not in trace snapshot');
  });

  it("rejects another incident's snapshot", () => {
    const { core, whole } = setup();
    const other = core.incidents.declare({ title: 'Other' }).id;
    const error = thrown(() =>
      core.traces.attachSpans({
        incidentId: other,
        snapshotId: whole.snapshotId,
        spanKeys: [ROOT],
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('belongs to another incident');
  });

  it('rejects an unknown snapshot', () => {
    const { core, incidentId } = setup();
    const error = thrown(() =>
      core.traces.attachSpans({ incidentId, snapshotId: 'missing', spanKeys: [ROOT] }),
    );
    expect(error.code).toBe('not_found');
  });
});
