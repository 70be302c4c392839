import { describe, expect, it } from 'vitest';
import { ageSince, formatAge, formatDuration, formatUtc, spansDays } from './time';

describe('formatAge', () => {
  it.each([
    [0, '0s'],
    [59_999, '59s'],
    [60_000, '1m'],
    [3_599_000, '59m'],
    [3_600_000, '1h 00m'],
    [3_600_000 + 5 * 60_000, '1h 05m'],
    [86_400_000 + 4 * 3_600_000, '1d 4h'],
  ])('formats %i ms as %s', (ms, expected) => {
    expect(formatAge(ms)).toBe(expected);
  });

  it('clamps negative spans to zero', () => {
    expect(formatAge(-5_000)).toBe('0s');
  });
});

describe('ageSince', () => {
  it('measures from the ISO time to now', () => {
    const now = Date.parse('2026-01-01T01:00:00Z');
    expect(ageSince('2026-01-01T00:30:00Z', now)).toBe('30m');
  });

  it('marks an unparseable time', () => {
    expect(ageSince('not a time', 0)).toBe('?');
  });
});

describe('formatUtc', () => {
  it('drops milliseconds and names the zone', () => {
    expect(formatUtc('2026-12-04T15:42:51.123Z')).toBe('2026-12-04 15:42:51 UTC');
  });
});

describe('spansDays', () => {
  it('is false for one instant and true across a week', () => {
    expect(spansDays(['2026-01-01T12:00:00Z', '2026-01-01T12:05:00Z'])).toBe(false);
    expect(spansDays(['2026-01-01T12:00:00Z', '2026-01-08T12:00:00Z'])).toBe(true);
  });
});

describe('formatDuration', () => {
  it.each([
    [850, '850 ms'],
    [12_340, '12.3 s'],
    [250_000, '4m 10s'],
  ])('formats %i ms as %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
