import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { routeHash } from '../../lib/router';
import { DeclareForm } from './declare-form';

/**
 * The compact window the desktop tray and global shortcut open at `#/quick-declare`.
 * After declaring it stays open, ready for the next one, and links to the new incident.
 */
export function QuickDeclare() {
  const [declared, setDeclared] = useState<Incident | null>(null);

  return (
    <main className="quick-declare">
      <h1>Declare incident</h1>
      <DeclareForm compact onDeclared={setDeclared} />
      {declared && (
        <p className="notice" role="status">
          Declared <strong>{declared.title}</strong>{' '}
          <a href={routeHash({ name: 'incident', incidentId: declared.id })}>Open incident room</a>
        </p>
      )}
    </main>
  );
}
