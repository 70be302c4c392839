import { useState } from 'react';
import { Kbd } from '../../components/kbd';
import { Modal } from '../../components/modal';
import { useUiStore, type PaletteCommand } from '../../app/ui.store';
import { usePaletteCommands } from './use-palette-commands';

/** Ctrl/Cmd+K: type to filter, arrows to move, Enter to run. */
export function CommandPalette() {
  const { paletteOpen, closePalette } = useUiStore();
  if (!paletteOpen) return null;
  return (
    <Modal title="Command palette" onClose={closePalette}>
      <PaletteBody onDone={closePalette} />
    </Modal>
  );
}

function PaletteBody({ onDone }: { onDone: () => void }) {
  const commands = usePaletteCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = commands.filter((command) =>
    words.every((word) => command.label.toLowerCase().includes(word)),
  );
  const selected = Math.min(active, Math.max(0, matches.length - 1));

  const run = (command: PaletteCommand | undefined): void => {
    if (!command) return;
    onDone();
    command.run();
  };

  return (
    <div className="palette">
      <input
        autoFocus
        data-autofocus
        aria-label="Command"
        placeholder="Type a command"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((selected + 1) % Math.max(1, matches.length));
          else if (event.key === 'ArrowUp')
            setActive((selected - 1 + matches.length) % Math.max(1, matches.length));
          else if (event.key === 'Enter') run(matches[selected]);
          else return;
          event.preventDefault();
        }}
      />
      <ul className="palette-list" role="listbox" aria-label="Commands">
        {matches.map((command, index) => (
          <li
            key={command.id}
            role="option"
            aria-selected={index === selected}
            className={index === selected ? 'active' : ''}
            onMouseEnter={() => setActive(index)}
            onClick={() => run(command)}
          >
            <span>{command.label}</span>
            {command.shortcut && <Kbd shortcut={command.shortcut} />}
          </li>
        ))}
        {matches.length === 0 && <li className="muted">No command matches “{query}”.</li>}
      </ul>
    </div>
  );
}
