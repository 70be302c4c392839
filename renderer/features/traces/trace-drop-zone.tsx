import { useState, type ReactNode, type RefObject } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { formatDuration } from '../../lib/time';
import { useTracesStore } from './traces.store';

/**
 * Wraps the timeline: a trace file dropped on it, or picked with the hidden file input,
 * is imported and attached to the incident. Shows progress, the summary or the error.
 */
export function TraceDropZone({
  incidentId,
  fileInputRef,
  children,
}: {
  incidentId: string;
  fileInputRef: RefObject<HTMLInputElement | null>;
  children: ReactNode;
}) {
  const { importFile, busy, fileName, error, lastSummary, reset } = useTracesStore();
  const [dragging, setDragging] = useState(false);

  const take = (files: FileList | null): void => {
    const file = files?.[0];
    if (file) void importFile(incidentId, file);
  };

  return (
    <div
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      data-testid="trace-drop-zone"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        take(event.dataTransfer.files);
      }}
    >
      {children}
      {dragging && (
        <div className="drop-hint">Drop a Jaeger, OTLP or Zipkin JSON file to attach it</div>
      )}
      <input
        ref={fileInputRef}
        type="file"
        accept=".json,application/json"
        aria-label="Trace file"
        hidden
        onChange={(event) => {
          take(event.target.files);
          event.target.value = '';
        }}
      />
      <div className="trace-status" role="region" aria-label="Trace import" aria-live="polite">
        {busy && <p className="muted">Importing {fileName}…</p>}
        <ErrorMessage error={error} onDismiss={reset} />
        {lastSummary && (
          <p className="notice" role="status">
            Attached trace <span className="mono">{lastSummary.traceId}</span> from {fileName}:{' '}
            {lastSummary.spanCount} spans, {lastSummary.errorCount} errors,{' '}
            {formatDuration(lastSummary.durationMs)}
            {lastSummary.rootService &&
              ` · root ${lastSummary.rootService}: ${lastSummary.rootOperation ?? '?'}`}
          </p>
        )}
      </div>
    </div>
  );
}

/** Renders the "Attach trace" button, which opens the same file picker. */
export function AttachTraceButton({
  fileInputRef,
}: {
  fileInputRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <button type="button" onClick={() => fileInputRef.current?.click()}>
      Attach trace <Kbd shortcut="trace" />
    </button>
  );
}
