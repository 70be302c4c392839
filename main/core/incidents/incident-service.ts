import {
  milestonesReachedBy,
  allowedTransitions,
  canTransition,
  type Incident,
  type Severity,
  type Status,
} from '../../../shared/domain/incident';
import { newId, type Clock } from '../clock';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import type { TimelineService } from '../timeline/timeline-service';
import { findIncident, insertIncident, listIncidents, updateIncident } from './incidents.queries';

export interface DeclareInput {
  title: string;
  severity?: Severity | null;
  commander?: string | null;
}

/** Incident lifecycle: declare, change status, severity and commander, each recorded. */
export class IncidentService {
  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineService,
    private readonly clock: Clock,
  ) {}

  list(): Incident[] {
    return listIncidents(this.db);
  }

  /** Returns the incident or raises `not_found` naming the id. */
  get(id: string): Incident {
    const incident = findIncident(this.db, id);
    if (!incident) {
      throw new AppError(
        'not_found',
        `Incident "${id}" not found. Run "firebreak list" to see incident ids.`,
        { id },
      );
    }
    return incident;
  }

  declare(input: DeclareInput): Incident {
    const now = this.clock();
    const incident: Incident = {
      id: newId(),
      title: input.title.trim(),
      severity: input.severity ?? null,
      status: 'triage',
      commander: input.commander?.trim() || null,
      createdAt: now,
      updatedAt: now,
      milestones: {
        started: now,
        detected: now,
        acknowledged: null,
        mitigated: null,
        resolved: null,
      },
    };
    this.db.transaction(() => {
      insertIncident(this.db, incident);
      this.timeline.append({
        incidentId: incident.id,
        kind: 'declared',
        occurredAt: now,
        summary: `Incident declared: ${incident.title} (${incident.severity ?? 'severity unset'})`,
        data: { title: incident.title, severity: incident.severity, commander: incident.commander },
      });
    })();
    return this.get(incident.id);
  }

  setStatus(id: string, status: Status): Incident {
    return this.db.transaction(() => {
      const incident = this.get(id);
      if (incident.status === status) return incident;
      if (!canTransition(incident.status, status)) {
        throw new AppError(
          'conflict',
          `Cannot move incident ${id} from ${incident.status} to ${status}. ` +
            `Allowed next: ${allowedTransitions(incident.status).join(', ')}.`,
          { id, from: incident.status, to: status },
        );
      }
      const now = this.clock();
      const changes: Parameters<typeof updateIncident>[2] = { status };
      for (const milestone of milestonesReachedBy(status)) {
        if (incident.milestones[milestone] === null) changes[`${milestone}_at`] = now;
      }
      updateIncident(this.db, id, changes);
      this.timeline.append({
        incidentId: id,
        kind: 'status_changed',
        occurredAt: now,
        summary: `Status changed from ${incident.status} to ${status}`,
        data: { from: incident.status, to: status },
      });
      return this.get(id);
    })();
  }

  setSeverity(id: string, severity: Severity | null): Incident {
    return this.db.transaction(() => {
      const incident = this.get(id);
      if (incident.severity === severity) return incident;
      updateIncident(this.db, id, { severity });
      this.timeline.append({
        incidentId: id,
        kind: 'severity_changed',
        summary: `Severity changed from ${incident.severity ?? 'unset'} to ${severity ?? 'unset'}`,
        data: { from: incident.severity, to: severity },
      });
      return this.get(id);
    })();
  }

  setCommander(id: string, commander: string | null): Incident {
    return this.db.transaction(() => {
      const incident = this.get(id);
      const next = commander?.trim() || null;
      if (incident.commander === next) return incident;
      updateIncident(this.db, id, { commander: next });
      this.timeline.append({
        incidentId: id,
        kind: 'commander_changed',
        summary: next ? `Incident commander is now ${next}` : 'Incident commander cleared',
        data: { from: incident.commander, to: next },
      });
      return this.get(id);
    })();
  }
}
