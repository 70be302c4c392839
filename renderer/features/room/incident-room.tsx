import { ErrorMessage } from '../../components/error-message';
import { SeverityBadge, StatusBadge } from '../../components/badges';
import { Kbd } from '../../components/kbd';
import { routeHash } from '../../lib/router';
import { ageSince, formatUtc } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { ExportModal } from '../postmortems/export-modal';
import { usePostmortemStore } from '../postmortems/postmortem.store';
import { ConfirmStepModal } from '../runbooks/confirm-step-modal';
import { RunbookPanel } from '../runbooks/runbook-panel';
import { AttachTraceButton } from '../traces/trace-drop-zone';
import { SearchTracesButton, TraceSearchModal } from '../traces/trace-search-modal';
import { WaterfallModal } from '../traces/waterfall-modal';
import { SummaryPanel } from './summary-panel';
import { TimelinePanel } from './timeline-panel';
import { useIncidentRoom } from './use-incident-room';
import { useRoomShortcuts } from './use-room-shortcuts';

/** The incident room: summary, timeline and runbook side by side. */
export function IncidentRoom({ incidentId }: { incidentId: string }) {
  const { incident, loadError } = useIncidentRoom(incidentId);
  const refs = useRoomShortcuts(incident);
  const exportMarkdown = usePostmortemStore((state) => state.exportMarkdown);
  const now = useNow();

  if (!incident) {
    return (
      <main className="room-message">
        {loadError ? (
          <>
            <h1>Cannot open incident</h1>
            <p className="mono muted">{incidentId}</p>
            <ErrorMessage error={loadError} />
          </>
        ) : (
          <p className="muted">Loading incident…</p>
        )}
        <a href={routeHash({ name: 'incidents' })}>Back to incidents</a>
      </main>
    );
  }

  return (
    <main className="room">
      <header className="room-header">
        <a href={routeHash({ name: 'incidents' })} className="back" aria-label="Back to incidents">
          ←
        </a>
        <SeverityBadge severity={incident.severity} />
        <h1>{incident.title}</h1>
        <StatusBadge status={incident.status} />
        <span className="clock mono" title={`Declared ${formatUtc(incident.createdAt)}`}>
          age {ageSince(incident.createdAt, now)}
        </span>
        <span className="clock mono" title={`Last update ${formatUtc(incident.updatedAt)}`}>
          updated {ageSince(incident.updatedAt, now)} ago
        </span>
        <span className="spacer" />
        <SearchTracesButton />
        <AttachTraceButton fileInputRef={refs.traceFile} />
        <button type="button" onClick={() => void exportMarkdown(incident.id)}>
          Export postmortem <Kbd shortcut="export" />
        </button>
      </header>
      <div className="room-columns">
        <SummaryPanel incident={incident} refs={refs} />
        <TimelinePanel incidentId={incident.id} refs={refs} />
        <RunbookPanel incidentId={incident.id} selectRef={refs.runbook} />
      </div>
      <ConfirmStepModal incidentId={incident.id} />
      <ExportModal />
      <TraceSearchModal incidentId={incident.id} />
      <WaterfallModal incidentId={incident.id} />
    </main>
  );
}
