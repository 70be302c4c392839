import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import { formatUtc, renderPostmortemMarkdown } from './markdown';
import { postmortemFileName } from './postmortem-service';

const incident: Incident = {
  id: 'inc-1',
  title: 'Checkout | 502s',
  severity: 'SEV1',
  status: 'resolved',
  commander: 'ana',
  createdAt: '2026-12-04T09:00:00.000Z',
  updatedAt: '2026-12-04T10:00:00.000Z',
  milestones: {
    started: '2026-12-04T09:00:00.000Z',
    detected: '2026-12-04T09:00:00.000Z',
    acknowledged: '2026-12-04T09:05:00.000Z',
    mitigated: '2026-12-04T09:30:00.000Z',
    resolved: '2026-12-04T09:45:00.000Z',
  },
};

function event(
  kind: TimelineEvent['kind'],
  summary: string,
  data: Record<string, unknown> = {},
): TimelineEvent {
  return {
    id: `e-${summary}`,
    incidentId: 'inc-1',
    kind,
    occurredAt: '2026-12-04T09:10:00.000+00:00',
    recordedAt: '2026-12-04T09:10:01.000Z',
    source: 'cli',
    actor: null,
    summary,
    data,
  };
}

describe('renderPostmortemMarkdown', () => {
  const markdown = renderPostmortemMarkdown({
    incident,
    events: [
      event('note', 'Note: cache', { text: 'cache was cold\nsecond line' }),
      event('runbook_step', 'Ran "df"', { command: 'echo ```', stdout: 'ok-output' }),
      event('trace_attached', 'Trace attached', { traceId: 'abc123' }),
    ],
    traces: [
      {
        snapshotId: 's1',
        traceId: 'abc123',
        format: 'otlp',
        spanCount: 3,
        rootService: 'api',
        rootOperation: 'GET /a|b',
        durationMs: 12.34,
        errorCount: 1,
      },
    ],
  });

  it('has every section in order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Summary',
      '## Impact',
      '## Timeline',
      '## Contributing factors',
      '## What went well',
      '## What went badly',
      '## Where we got lucky',
      '## Action items',
    ]);
  });

  it('prints timeline times in UTC', () => {
    expect(markdown).toContain('- **2026-12-04 09:10:00 UTC** Note: cache');
  });

  it('includes note text, step output and trace id', () => {
    expect(markdown).toContain('  > second line');
    expect(markdown).toContain('ok-output');
    expect(markdown).toContain('Trace id: `abc123`');
  });

  it('keeps a fence intact around backticks', () => {
    expect(markdown).toContain('  ````sh');
  });

  it('escapes pipes in the trace table', () => {
    expect(markdown).toContain('api: GET /a\\|b');
  });

  it('computes time to resolution', () => {
    expect(markdown).toContain('Time from start to resolution: 45 minutes.');
  });
});

describe('postmortem helpers', () => {
  it('formats a non-UTC time in UTC', () => {
    expect(formatUtc('2026-12-04T10:00:00+01:00')).toBe('2026-12-04 09:00:00 UTC');
  });

  it('builds a safe file name', () => {
    expect(postmortemFileName(incident)).toBe('postmortem-2026-12-04-checkout-502s.md');
  });
});

describe('postmortem limits', () => {
  it('exports a step with 300,000 output lines', () => {
    const stdout = 'y\n'.repeat(300_000);
    const markdown = renderPostmortemMarkdown({
      incident,
      events: [
        event('runbook_step', 'Ran "yes"', {
          command: 'yes | head -n 300000',
          stdout,
          outputFiles: { stdout: '/data/step-output/s1.stdout.log' },
        }),
      ],
      traces: [],
    });
    expect(markdown).toContain('lines omitted]');
    expect(markdown).toContain('in /data/step-output/s1.stdout.log');
    expect(markdown.split('\n').length).toBeLessThan(400);
  });

  it('makes terminal escapes visible', () => {
    const markdown = renderPostmortemMarkdown({
      incident,
      events: [event('note', 'Note: x', { text: 'red \u001b[31mtext\u202e' })],
      traces: [],
    });
    expect(markdown).toContain('red \\u{1B}[31mtext\\u{202E}');
    expect(markdown).not.toContain('\u001b');
  });

  it('shows the note of an attached trace', () => {
    const markdown = renderPostmortemMarkdown({
      incident,
      events: [event('trace_attached', 'Trace attached', { traceId: 'abc', note: 'slow DB' })],
      traces: [],
    });
    expect(markdown).toContain('  > slow DB');
  });
});
