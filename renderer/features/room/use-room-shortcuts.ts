import { createRef, useEffect, useMemo, useState, type RefObject } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { allowedTransitions, SEVERITIES } from '../../../shared/domain/incident';
import { useUiStore, type PaletteCommand } from '../../app/ui.store';
import { useShortcut } from '../../lib/use-shortcut';
import { usePostmortemStore } from '../postmortems/postmortem.store';
import { useRunPlanStore } from '../runbooks/run-plan.store';
import { useRunbooksStore } from '../runbooks/runbooks.store';
import { runCurrentStep, skipCurrentStep } from '../runbooks/use-step-keys';
import { useTraceSearchStore } from '../traces/trace-search.store';
import { useRoomStore } from './room.store';

/** Elements that room shortcuts focus or click. */
export interface RoomRefs {
  note: RefObject<HTMLTextAreaElement | null>;
  status: RefObject<HTMLSelectElement | null>;
  severity: RefObject<HTMLSelectElement | null>;
  runbook: RefObject<HTMLSelectElement | null>;
  traceFile: RefObject<HTMLInputElement | null>;
}

/**
 * Binds the room's keyboard shortcuts and offers its actions in the command palette,
 * including one entry per allowed status and per severity.
 */
export function useRoomShortcuts(incident: Incident | null): RoomRefs {
  const [refs] = useState<RoomRefs>(() => ({
    note: createRef<HTMLTextAreaElement>(),
    status: createRef<HTMLSelectElement>(),
    severity: createRef<HTMLSelectElement>(),
    runbook: createRef<HTMLSelectElement>(),
    traceFile: createRef<HTMLInputElement>(),
  }));
  const exportMarkdown = usePostmortemStore((state) => state.exportMarkdown);
  const setScreenCommands = useUiStore((state) => state.setScreenCommands);
  const enabled = incident !== null;

  const actions = useMemo(
    () => ({
      note: () => refs.note.current?.focus(),
      status: () => refs.status.current?.focus(),
      severity: () => refs.severity.current?.focus(),
      runbook: () => refs.runbook.current?.focus(),
      trace: () => refs.traceFile.current?.click(),
      traceSearch: () => void useTraceSearchStore.getState().show(),
      export: () => {
        if (incident) void exportMarkdown(incident.id);
      },
    }),
    [refs, incident, exportMarkdown],
  );

  useShortcut('note', actions.note, enabled);
  useShortcut('status', actions.status, enabled);
  useShortcut('severity', actions.severity, enabled);
  useShortcut('runbook', actions.runbook, enabled);
  useShortcut('trace', actions.trace, enabled);
  useShortcut('traceSearch', actions.traceSearch, enabled);
  useShortcut('export', actions.export, enabled);

  useEffect(() => {
    if (!incident) return;
    setScreenCommands(roomCommands(incident, actions));
    return () => setScreenCommands([]);
  }, [incident, actions, setScreenCommands]);

  return refs;
}

function roomCommands(
  incident: Incident,
  actions: Record<'note' | 'runbook' | 'trace' | 'traceSearch' | 'export', () => void>,
): PaletteCommand[] {
  const { setStatus, setSeverity } = useRoomStore.getState();
  return [
    { id: 'note', label: 'Add note', shortcut: 'note', run: actions.note },
    { id: 'trace', label: 'Attach trace file', shortcut: 'trace', run: actions.trace },
    {
      id: 'trace-search',
      label: 'Search traces',
      shortcut: 'traceSearch',
      run: actions.traceSearch,
    },
    { id: 'export', label: 'Export postmortem', shortcut: 'export', run: actions.export },
    { id: 'runbook', label: 'Pick runbook', shortcut: 'runbook', run: actions.runbook },
    { id: 'step-run', label: 'Run current runbook step', run: runCurrentStep },
    { id: 'step-skip', label: 'Skip current runbook step', run: skipCurrentStep },
    {
      id: 'step-next',
      label: 'Next runbook step',
      shortcut: 'nextStep',
      run: () => useRunbooksStore.getState().moveCurrent(1),
    },
    {
      id: 'run-all-diagnostics',
      label: 'Run all diagnostics',
      run: () => void useRunPlanStore.getState().show(),
    },
    ...allowedTransitions(incident.status).map((status) => ({
      id: `status-${status}`,
      label: `Set status: ${status}`,
      run: () => void setStatus(status),
    })),
    ...[...SEVERITIES, null]
      .filter((severity) => severity !== incident.severity)
      .map((severity) => ({
        id: `severity-${severity ?? 'unset'}`,
        label: `Set severity: ${severity ?? 'unset'}`,
        run: () => void setSeverity(severity),
      })),
  ];
}
