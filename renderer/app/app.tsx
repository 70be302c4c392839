import { Modal } from '../components/modal';
import { ActionItemsPage } from '../features/action-items/action-items-page';
import { SettingsPage } from '../features/backends/settings-page';
import { CommandPalette } from '../features/palette/command-palette';
import { DeclareForm } from '../features/incidents/declare-form';
import { IncidentsPage } from '../features/incidents/incidents-page';
import { QuickDeclare } from '../features/incidents/quick-declare';
import { IncidentRoom } from '../features/room/incident-room';
import { navigate, routeHash, useRoute, type Route } from '../lib/router';
import { useShortcut } from '../lib/use-shortcut';
import { useUiStore } from './ui.store';

/** The app shell: routes, global shortcuts, the declare dialog and the palette. */
export function App() {
  const route = useRoute();
  const { declareOpen, openDeclare, closeDeclare, openPalette } = useUiStore();
  const compact = route.name === 'quick-declare';

  useShortcut('palette', openPalette, !compact);
  useShortcut('declare', openDeclare, !compact);
  useShortcut('incidents', () => navigate({ name: 'incidents' }), !compact);
  useShortcut('actionItems', () => navigate({ name: 'action-items' }), !compact);
  useShortcut('settings', () => navigate({ name: 'settings' }), !compact);

  return (
    <>
      <Screen route={route} />
      {declareOpen && (
        <Modal title="Declare incident" onClose={closeDeclare}>
          <DeclareForm
            onDeclared={(incident) => {
              closeDeclare();
              navigate({ name: 'incident', incidentId: incident.id });
            }}
          />
        </Modal>
      )}
      <CommandPalette />
    </>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'incidents':
      return <IncidentsPage />;
    case 'incident':
      return <IncidentRoom key={route.incidentId} incidentId={route.incidentId} />;
    case 'quick-declare':
      return <QuickDeclare />;
    case 'action-items':
      return <ActionItemsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return (
        <main className="room-message">
          <h1>Nothing at {route.path}</h1>
          <a href={routeHash({ name: 'incidents' })}>Back to incidents</a>
        </main>
      );
  }
}
