import type { ContractError } from '../../shared/ipc/errors';

/**
 * A contract error shown where the action failed. The message already names the value
 * and the next step; the code tells what kind of failure it was.
 */
export function ErrorMessage({
  error,
  onDismiss,
}: {
  error: ContractError | null | undefined;
  onDismiss?: () => void;
}) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <span className="error-code mono">{error.code}</span>
      <span className="error-text">{error.message}</span>
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss error">
          ×
        </button>
      )}
    </div>
  );
}
