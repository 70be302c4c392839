import Anser from 'anser';
import { useMemo } from 'react';

/**
 * Command output with ANSI colours turned into classed spans (never raw HTML), so a
 * step's coloured output reads as it did in the terminal. Cursor movement codes are dropped.
 */
export function AnsiOutput({ text, label }: { text: string; label: string }) {
  const parts = useMemo(
    () => Anser.ansiToJson(text, { use_classes: true, remove_empty: true }),
    [text],
  );

  return (
    <pre className="output mono" aria-label={label}>
      {parts.map((part, index) => {
        const classes = [part.fg && `${part.fg}-fg`, part.bg && `${part.bg}-bg`]
          .concat(part.decorations.map((decoration) => `ansi-${decoration}`))
          .filter(Boolean)
          .join(' ');
        return classes ? (
          <span key={index} className={classes}>
            {part.content}
          </span>
        ) : (
          part.content
        );
      })}
    </pre>
  );
}
