import { describe, expect, it } from 'vitest';
import { wantsQuickDeclare } from './launch-args';

describe('wantsQuickDeclare', () => {
  it('is true with --quick-declare anywhere', () => {
    expect(wantsQuickDeclare(['/opt/Firebreak/firebreak', '--quick-declare'])).toBe(true);
    expect(wantsQuickDeclare(['electron', '.', '--quick-declare', '--data-dir', '/tmp/x'])).toBe(
      true,
    );
  });

  it('is false otherwise', () => {
    expect(wantsQuickDeclare(['firebreak', '--data-dir', '/tmp/x'])).toBe(false);
    expect(wantsQuickDeclare(['firebreak', '--quick-declare=1'])).toBe(false);
  });
});
