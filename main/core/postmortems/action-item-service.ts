import type { ActionItem, ActionStatus } from '../../../shared/domain/action-item';
import { newId, type Clock } from '../clock';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import type { IncidentService } from '../incidents/incident-service';
import {
  findActionItem,
  insertActionItem,
  listActionItems,
  updateActionItem,
} from './action-items.queries';

export interface NewActionItem {
  incidentId: string;
  title: string;
  owner?: string | null;
  dueDate?: string | null;
  priority?: ActionItem['priority'];
}

export interface ActionItemChanges {
  owner?: string | null;
  dueDate?: string | null;
  status?: ActionStatus;
}

/** Action items from postmortems: add, list across incidents, update owner, due date, status. */
export class ActionItemService {
  constructor(
    private readonly db: Database,
    private readonly incidents: IncidentService,
    private readonly clock: Clock,
  ) {}

  add(input: NewActionItem): ActionItem {
    this.incidents.get(input.incidentId);
    const item: ActionItem = {
      id: newId(),
      incidentId: input.incidentId,
      title: input.title.trim(),
      owner: input.owner?.trim() || null,
      dueDate: input.dueDate ?? null,
      priority: input.priority ?? null,
      status: 'open',
      createdAt: this.clock(),
    };
    insertActionItem(this.db, item);
    return item;
  }

  /** Lists the items of one incident, or of every incident when `incidentId` is omitted. */
  list(incidentId?: string): ActionItem[] {
    if (incidentId !== undefined) this.incidents.get(incidentId);
    return listActionItems(this.db, incidentId);
  }

  update(id: string, changes: ActionItemChanges): ActionItem {
    if (!findActionItem(this.db, id)) {
      throw new AppError(
        'not_found',
        `Action item "${id}" not found. Run "firebreak action list" to see action item ids.`,
        { id },
      );
    }
    updateActionItem(this.db, id, changes);
    return findActionItem(this.db, id) as ActionItem;
  }
}
