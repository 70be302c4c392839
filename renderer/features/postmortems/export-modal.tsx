import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Modal } from '../../components/modal';
import { usePostmortemStore } from './postmortem.store';

/** Preview of the exported postmortem with a download link for the Markdown file. */
export function ExportModal() {
  const { open, busy, error, document, close } = usePostmortemStore();
  const href = useBlobUrl(document?.content ?? null);
  if (!open) return null;

  return (
    <Modal title="Export postmortem" onClose={close} wide>
      {busy && <p className="muted">Generating the postmortem…</p>}
      <ErrorMessage error={error} />
      {document && href && (
        <>
          <div className="export-actions">
            <span className="mono">{document.fileName}</span>
            <a className="button primary" href={href} download={document.fileName}>
              Download Markdown
            </a>
          </div>
          <pre className="preview mono" aria-label="Postmortem preview">
            {document.content}
          </pre>
        </>
      )}
    </Modal>
  );
}

/** An object URL for the Markdown text, revoked when the text changes or the dialog closes. */
function useBlobUrl(content: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (content === null) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(new Blob([content], { type: 'text/markdown;charset=utf-8' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [content]);

  return url;
}
