import { useUiStore, type PaletteCommand } from '../../app/ui.store';
import { navigate } from '../../lib/router';

/** The global commands followed by those the current screen offers. */
export function usePaletteCommands(): PaletteCommand[] {
  const { openDeclare, screenCommands } = useUiStore();
  const global: PaletteCommand[] = [
    { id: 'declare', label: 'Declare incident', shortcut: 'declare', run: openDeclare },
    {
      id: 'incidents',
      label: 'Go to incidents',
      shortcut: 'incidents',
      run: () => navigate({ name: 'incidents' }),
    },
    {
      id: 'action-items',
      label: 'Go to action items',
      shortcut: 'actionItems',
      run: () => navigate({ name: 'action-items' }),
    },
    {
      id: 'settings',
      label: 'Open settings',
      shortcut: 'settings',
      run: () => navigate({ name: 'settings' }),
    },
  ];
  return [...global, ...screenCommands];
}
