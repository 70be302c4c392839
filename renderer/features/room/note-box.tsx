import { useState, type RefObject } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Kbd } from '../../components/kbd';
import { useRoomStore } from './room.store';

/** The note box under the timeline: Enter adds the note, Shift+Enter starts a new line. */
export function NoteBox({ inputRef }: { inputRef: RefObject<HTMLTextAreaElement | null> }) {
  const addNote = useRoomStore((state) => state.addNote);
  const error = useRoomStore((state) => state.errors.note);
  const clearError = useRoomStore((state) => state.clearError);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const recorded = await addNote(text);
    setBusy(false);
    if (recorded) setText('');
  };

  return (
    <form
      className="note-box"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorMessage error={error} onDismiss={() => clearError('note')} />
      <div className="note-row">
        <textarea
          ref={inputRef}
          aria-label="Note"
          rows={2}
          value={text}
          placeholder="Add a note: what you saw, what you tried, what you decided"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void submit();
            }
          }}
        />
        <button type="submit" disabled={busy}>
          Add note <Kbd shortcut="note" />
        </button>
      </div>
    </form>
  );
}
