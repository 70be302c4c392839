import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './router';

describe('parseRoute', () => {
  it('reads the incidents list from an empty hash', () => {
    expect(parseRoute('')).toEqual({ name: 'incidents' });
    expect(parseRoute('#/')).toEqual({ name: 'incidents' });
  });

  it('reads an incident id', () => {
    expect(parseRoute('#/incidents/0190-abc')).toEqual({
      name: 'incident',
      incidentId: '0190-abc',
    });
  });

  it('reads the quick-declare window', () => {
    expect(parseRoute('#/quick-declare')).toEqual({ name: 'quick-declare' });
  });

  it('reads the action items screen', () => {
    expect(parseRoute('#/action-items')).toEqual({ name: 'action-items' });
    expect(routeHash({ name: 'action-items' })).toBe('#/action-items');
  });

  it('reads the settings screen', () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
  });

  it('keeps an unknown path for the message', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'not-found', path: '/nowhere' });
  });
});

describe('routeHash', () => {
  it('round-trips an incident id with odd characters', () => {
    const hash = routeHash({ name: 'incident', incidentId: 'a/b c' });
    expect(parseRoute(hash)).toEqual({ name: 'incident', incidentId: 'a/b c' });
  });
});
