import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { api } from '../../api/api';
import { routeHash } from '../../lib/router';
import { DeclareForm } from './declare-form';

/**
 * Shows the compact window that the desktop tray and global shortcut open at
 * `#/quick-declare`. In the desktop app the window closes once the incident is declared.
 * In a browser tab, which a script may not close, it stays open and links to the incident.
 */
export function QuickDeclare() {
  const [declared, setDeclared] = useState<Incident | null>(null);

  const onDeclared = (incident: Incident): void => {
    if (api.host() === 'desktop') {
      window.close();
      return;
    }
    setDeclared(incident);
  };

  return (
    <main className="quick-declare">
      <h1>Declare incident</h1>
      <DeclareForm compact onDeclared={onDeclared} />
      {declared && (
        <p className="notice" role="status">
          Declared <strong>{declared.title}</strong>{' '}
          <a href={routeHash({ name: 'incident', incidentId: declared.id })}>Open incident room</a>
        </p>
      )}
    </main>
  );
}
