import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { useWaterfallStore } from './waterfall.store';

/**
 * Search within the trace (Enter for the next match, Shift+Enter for the previous) and
 * the form that attaches the picked spans, with a note, as their own snapshot.
 */
export function WaterfallToolbar({ incidentId }: { incidentId: string | null }) {
  const { query, matches, matchIndex, pickedKeys, attachError, attached } = useWaterfallStore();
  const { search, step, setPicks, attachPicked } = useWaterfallStore();
  const [note, setNote] = useState('');

  return (
    <div className="waterfall-toolbar">
      <div className="waterfall-search">
        <input
          type="search"
          aria-label="Search spans"
          placeholder="Search service, operation, attribute"
          value={query}
          onChange={(event) => search(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          }}
        />
        <span className="mono muted" role="status" aria-label="Search matches">
          {query.trim() === ''
            ? ''
            : matches.length === 0
              ? 'no match'
              : `${matchIndex + 1} of ${matches.length}`}
        </span>
        {matches.length > 0 && (
          <button type="button" className="link" onClick={() => setPicks(matches)}>
            pick all matches
          </button>
        )}
      </div>
      {incidentId && (
        <form
          className="attach-spans"
          aria-label="Attach selected spans"
          onSubmit={(event) => {
            event.preventDefault();
            void attachPicked(incidentId, note).then(() => setNote(''));
          }}
        >
          <input
            aria-label="Note for the selected spans"
            placeholder="Why these spans matter"
            value={note}
            maxLength={5000}
            onChange={(event) => setNote(event.target.value)}
          />
          <button type="submit" className="primary" disabled={pickedKeys.size === 0}>
            Attach {pickedKeys.size} selected {pickedKeys.size === 1 ? 'span' : 'spans'}
          </button>
          {pickedKeys.size > 0 && (
            <button type="button" className="link" onClick={() => setPicks([])}>
              clear
            </button>
          )}
        </form>
      )}
      <ErrorMessage error={attachError} />
      {attached && (
        <p className="notice" role="status">
          Attached {attached.spanCount} of {attached.sourceSpanCount ?? '?'} spans to the timeline.
        </p>
      )}
    </div>
  );
}
