import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import { createCore, type Core } from '../core';
import { createLogger } from '../telemetry/logger';
import { tempDir } from '../testing/temp-core';

let dataDir: string;
let app: Core;
let cli: Core;

beforeEach(() => {
  dataDir = tempDir();
  app = createCore({ dataDir, source: 'web', watchExternalWritesMs: 20, log: createLogger(null) });
  cli = createCore({ dataDir, source: 'cli', log: createLogger(null) });
});

afterEach(() => {
  cli.close();
  app.close();
});

function waitFor(predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
}

describe('external writes', () => {
  it('pushes events another process wrote', async () => {
    const seen: TimelineEvent[] = [];
    app.timeline.subscribe((event) => seen.push(event));
    const incident = cli.incidents.declare({ title: 'From the CLI' });
    cli.timeline.append({ incidentId: incident.id, kind: 'note', summary: 'Note: hi' });
    await waitFor(() => seen.length >= 2);
    expect(seen.map((e) => e.kind)).toEqual(['declared', 'note']);
    expect(seen[0]?.source).toBe('cli');
  });

  it('never pushes its own events twice', async () => {
    const seen: string[] = [];
    app.timeline.subscribe((event) => seen.push(event.id));
    const own = app.incidents.declare({ title: 'From the app' });
    cli.timeline.append({ incidentId: own.id, kind: 'note', summary: 'Note: marker' });
    await waitFor(() => seen.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(2);
  });
});
