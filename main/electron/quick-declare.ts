import type { Incident } from '../../shared/domain/incident';

/** Title and body of the notification shown after a declaration from the tray window. */
export function declaredNotification(incident: Pick<Incident, 'title' | 'severity'>): {
  title: string;
  body: string;
} {
  const severity = incident.severity ?? 'severity unset';
  return { title: 'Incident declared', body: `${incident.title} (${severity})` };
}
