import type { Incident } from '../../../shared/domain/incident';
import type { TimelineEvent } from '../../../shared/domain/timeline';
import type { TraceSummary } from '../../../shared/domain/trace';
import type { IncidentService } from '../incidents/incident-service';
import type { TimelineService } from '../timeline/timeline-service';
import type { TraceService } from '../traces/trace-service';
import type { ActionItemService } from './action-item-service';
import { renderPostmortemMarkdown } from './markdown';

export interface PostmortemDocument {
  fileName: string;
  content: string;
}

/** Builds postmortem drafts from an incident, its timeline and its attached traces. */
export class PostmortemService {
  constructor(
    private readonly incidents: IncidentService,
    private readonly timeline: TimelineService,
    private readonly traces: TraceService,
    private readonly actionItems: ActionItemService,
  ) {}

  exportMarkdown(incidentId: string): PostmortemDocument {
    const incident: Incident = this.incidents.get(incidentId);
    const events: TimelineEvent[] = this.timeline.list(incidentId);
    const traces: TraceSummary[] = this.traces.listForIncident(incidentId);
    return {
      fileName: postmortemFileName(incident),
      content: renderPostmortemMarkdown({
        incident,
        events,
        traces,
        actionItems: this.actionItems.list(incidentId),
      }),
    };
  }
}

/** `postmortem-<date>-<title slug>.md`, safe on every file system. */
export function postmortemFileName(incident: Incident): string {
  const date = incident.createdAt.slice(0, 10);
  const slug =
    incident.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'incident';
  return `postmortem-${date}-${slug}.md`;
}
