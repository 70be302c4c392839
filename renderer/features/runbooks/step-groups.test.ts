import { describe, expect, it } from 'vitest';
import type { Runbook, RunbookSection } from '../../../shared/domain/runbook';
import { buildOutline, repeatsTitle } from './step-groups';

describe('repeatsTitle', () => {
  it('is true for the title with a full stop and other spacing', () => {
    expect(repeatsTitle('Check the disk usage\n  graph.', 'Check the disk usage graph')).toBe(true);
  });

  it('is false when the text adds a sentence', () => {
    expect(repeatsTitle('Check the graph. Then page the owner.', 'Check the graph')).toBe(false);
  });

  it('is false when the title was cut short', () => {
    expect(repeatsTitle('Roll back the deploy and note the version.', 'Roll back the...')).toBe(
      false,
    );
  });
});

describe('buildOutline', () => {
  const section = (id: string, depth: number, role: RunbookSection['role'] = 'none') => ({
    id,
    title: id,
    depth,
    role,
    line: 1,
  });

  it('leaves out a lone title heading without steps', () => {
    const runbook = {
      sections: [section('title', 1), section('diagnosis', 2, 'diagnose'), section('fix', 2)],
      steps: [{ id: 'one', sectionId: 'diagnosis' }],
    } as unknown as Runbook;
    expect(buildOutline(runbook)).toEqual([
      { id: 'diagnosis', title: 'diagnosis', level: 0, role: 'diagnose', stepIds: ['one'] },
      { id: 'fix', title: 'fix', level: 0, role: 'none', stepIds: [] },
    ]);
  });

  it('keeps the title heading when steps sit under it', () => {
    const runbook = {
      sections: [section('title', 1), section('checks', 3)],
      steps: [{ id: 'intro', sectionId: 'title' }],
    } as unknown as Runbook;
    expect(buildOutline(runbook).map((entry) => [entry.id, entry.level])).toEqual([
      ['title', 0],
      ['checks', 2],
    ]);
  });
});
