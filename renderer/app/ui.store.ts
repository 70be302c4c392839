import { create } from 'zustand';
import type { ShortcutId } from '../lib/shortcuts';

/** One entry of the command palette. */
export interface PaletteCommand {
  id: string;
  label: string;
  /** Shortcut shown beside the entry, when the action has one. */
  shortcut?: ShortcutId;
  run(): void;
}

interface UiState {
  declareOpen: boolean;
  paletteOpen: boolean;
  /** Commands the current screen offers in the palette, beside the global ones. */
  screenCommands: PaletteCommand[];
  openDeclare(): void;
  closeDeclare(): void;
  openPalette(): void;
  closePalette(): void;
  setScreenCommands(commands: PaletteCommand[]): void;
}

/** App-wide UI state: which dialogs are open and what the palette offers. */
export const useUiStore = create<UiState>()((set) => ({
  declareOpen: false,
  paletteOpen: false,
  screenCommands: [],
  openDeclare: () => set({ declareOpen: true, paletteOpen: false }),
  closeDeclare: () => set({ declareOpen: false }),
  openPalette: () => set({ paletteOpen: true }),
  closePalette: () => set({ paletteOpen: false }),
  setScreenCommands: (commands) => set({ screenCommands: commands }),
}));
