import os from 'node:os';
import packageJson from '../../package.json';
import type { Channel, Request, Response } from '../../shared/ipc/contract';
import type { Core } from './core';
import { searchIncidents } from './incidents/search.queries';
import { normaliseOccurredAt } from './timeline/occurred-at';

/** A handler receives the parsed request and the core; it may throw `AppError`. */
export type Handler<C extends Channel> = (
  request: Request<C>,
  core: Core,
) => Promise<Response<C>> | Response<C>;

export type HandlerMap = { [C in Channel]: Handler<C> };

/** One handler per contract channel; the compiler flags a channel without one. */
export const handlers: HandlerMap = {
  'incidents:list': (_request, core) => core.incidents.list(),
  'incidents:declare': (request, core) => core.incidents.declare(request),
  'incidents:get': (request, core) => ({
    incident: core.incidents.get(request.id),
    timeline: core.timeline.list(request.id),
  }),
  'incidents:set-status': (request, core) => core.incidents.setStatus(request.id, request.status),
  'incidents:set-severity': (request, core) =>
    core.incidents.setSeverity(request.id, request.severity),
  'incidents:set-commander': (request, core) =>
    core.incidents.setCommander(request.id, request.commander),
  'incidents:search': (request, core) =>
    searchIncidents(core.db, request.query).map((hit) => ({
      incident: core.incidents.get(hit.incidentId),
      snippet: hit.snippet,
    })),
  'timeline:add-note': (request, core) => {
    core.incidents.get(request.incidentId);
    return core.timeline.append({
      incidentId: request.incidentId,
      kind: 'note',
      summary: `Note: ${firstLine(request.text)}`,
      occurredAt:
        request.occurredAt === undefined
          ? undefined
          : normaliseOccurredAt(request.occurredAt, core.clock()),
      data: { text: request.text },
    });
  },
  'runbooks:list': (_request, core) => core.runbooks.list(),
  'runbooks:get': (request, core) => core.runbooks.get(request.runbookId),
  'runbooks:run-step': (request, core) => core.runbooks.runStep(request),
  'runbooks:find': (request, core) => core.runbooks.findByAlert(request.alert),
  'runbooks:search': (request, core) => core.runbooks.search(request.text),
  'runbooks:folders-list': (_request, core) => core.runbooks.listFolders(),
  'runbooks:folder-add': (request, core) => core.runbooks.addFolder(request.path),
  'runbooks:folder-trust': (request, core) =>
    core.runbooks.trustFolder(request.path, request.trusted),
  'runbooks:folder-remove': (request, core) => ({
    removed: core.runbooks.removeFolder(request.path),
  }),
  'runbooks:resolve-url': (request, core) => core.runbooks.findByUrl(request.url),
  'runbooks:params-from-alert': (request, core) =>
    core.runbooks.paramsFromAlert(request.runbookId, request.labels),
  'runbooks:render-step': (request, core) =>
    core.runbooks.renderStep(request.runbookId, request.stepId, request.params),
  'runbooks:run-state': (request, core) =>
    core.runbooks.runState(request.incidentId, request.runbookId),
  'runbooks:cancel-step': (request, core) => ({
    cancelled: core.runbooks.cancelStep(request.incidentId, request.stepId),
  }),
  'runbooks:complete-manual-step': (request, core) => core.runbooks.completeManualStep(request),
  'traces:import-file': (request, core) => core.traces.importFile(request),
  'traces:list': (request, core) => core.traces.listForIncident(request.incidentId),
  'traces:get-snapshot': (request, core) => core.traces.getSnapshot(request.snapshotId),
  'traces:fetch': (request, core) => core.traces.fetchFromBackend(request),
  'traces:search': (request, core) => core.traces.search(request),
  'traces:services': async (request, core) => ({
    services: await core.traces.services(request.backend),
  }),
  'traces:operations': async (request, core) => ({
    operations: await core.traces.operations(request.backend, request.service),
  }),
  'traces:attach-spans': (request, core) => core.traces.attachSpans(request),
  'backends:list': (_request, core) => core.traces.backends.list(),
  'backends:save': (request, core) => core.traces.backends.save(request),
  'backends:remove': (request, core) => ({ removed: core.traces.backends.remove(request.name) }),
  'backends:test': (request, core) => core.traces.backends.test(request.name),
  'action-items:add': (request, core) => core.actionItems.add(request),
  'action-items:list': (request, core) => core.actionItems.list(request.incidentId),
  'action-items:update': (request, core) => core.actionItems.update(request.id, request),
  'diagnostics:spans': (request, core) => core.spans.recent().reverse().slice(0, request.limit),
  'diagnostics:info': (_request, core) => ({
    dataDir: core.dataDir,
    version: packageJson.version,
    host: os.hostname(),
  }),
  'postmortems:export': (request, core) => core.postmortems.exportMarkdown(request.incidentId),
};

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
