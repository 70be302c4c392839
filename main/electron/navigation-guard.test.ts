import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen, safeExternalUrl } from './navigation-guard';

const TRUSTED = ['app://firebreak'];

describe('safeExternalUrl', () => {
  it('passes http and https links through', () => {
    expect(safeExternalUrl('https://example.com/runbook?id=1')).toBe(
      'https://example.com/runbook?id=1',
    );
    expect(safeExternalUrl('http://grafana.internal:3000/d/x')).toBe(
      'http://grafana.internal:3000/d/x',
    );
  });

  it.each([
    'file:///etc/passwd',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'data:text/html,hi',
    'vscode://file/etc/passwd',
    'mailto:oncall@example.com',
    '\\\\host\\share',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'app://firebreak/index.html',
    'not a url',
  ])('rejects %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });
});

describe('decideNavigation', () => {
  it('allows navigation within the app origin', () => {
    expect(decideNavigation('app://firebreak/index.html#/incidents/1', TRUSTED)).toEqual({
      allow: true,
    });
  });

  it('sends an https link to the system browser', () => {
    expect(decideNavigation('https://example.com/', TRUSTED)).toEqual({
      allow: false,
      openExternally: 'https://example.com/',
    });
  });

  it.each([
    'app://firebreak.evil/index.html',
    'app://evil/',
    'file:///etc/hostname',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
  ])('denies %s without opening it', (url) => {
    expect(decideNavigation(url, TRUSTED)).toEqual({ allow: false });
  });

  it('treats a look-alike host as external', () => {
    expect(decideNavigation('https://good.com.attacker.com/', TRUSTED)).toEqual({
      allow: false,
      openExternally: 'https://good.com.attacker.com/',
    });
  });
});

describe('decideWindowOpen', () => {
  it('never opens a window, even for the app origin', () => {
    expect(decideWindowOpen('app://firebreak/index.html')).toEqual({ allow: false });
  });

  it('routes https links to the system browser', () => {
    expect(decideWindowOpen('https://example.com/a')).toEqual({
      allow: false,
      openExternally: 'https://example.com/a',
    });
  });

  it('drops other schemes', () => {
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ allow: false });
  });
});
