import type { Incident } from '../../../shared/domain/incident';
import { SeverityBadge, StatusBadge } from '../../components/badges';
import { routeHash } from '../../lib/router';
import { ageSince, formatUtc } from '../../lib/time';

/** One group of incidents (open or recent) as dense rows; each title links to its room. */
export function IncidentTable({
  caption,
  incidents,
  now,
}: {
  caption: string;
  incidents: Incident[];
  now: number;
}) {
  return (
    <table className="incident-table">
      <caption>
        {caption} <span className="muted">({incidents.length})</span>
      </caption>
      <thead>
        <tr>
          <th className="col-sev">Severity</th>
          <th>Title</th>
          <th className="col-status">Status</th>
          <th className="col-commander">Commander</th>
          <th className="col-time">Age</th>
          <th className="col-time">Last update</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.id}>
            <td>
              <SeverityBadge severity={incident.severity} />
            </td>
            <td className="col-title">
              <a href={routeHash({ name: 'incident', incidentId: incident.id })}>
                {incident.title}
              </a>
            </td>
            <td>
              <StatusBadge status={incident.status} />
            </td>
            <td className={incident.commander ? '' : 'muted'}>
              {incident.commander ?? 'unassigned'}
            </td>
            <td className="mono" title={formatUtc(incident.createdAt)}>
              {ageSince(incident.createdAt, now)}
            </td>
            <td className="mono" title={formatUtc(incident.updatedAt)}>
              {ageSince(incident.updatedAt, now)} ago
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
