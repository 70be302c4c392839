import { create } from 'zustand';
import type { Response } from '../../../shared/ipc/contract';
import type { ContractError } from '../../../shared/ipc/errors';
import { api } from '../../api/api';

type ExportedDocument = Response<'postmortems:export'>;

interface PostmortemState {
  open: boolean;
  busy: boolean;
  error: ContractError | null;
  document: ExportedDocument | null;
  /** Opens the export dialog and generates the document. */
  exportMarkdown(incidentId: string): Promise<void>;
  close(): void;
}

/** The postmortem export dialog: the generated Markdown, ready to preview and download. */
export const usePostmortemStore = create<PostmortemState>()((set) => ({
  open: false,
  busy: false,
  error: null,
  document: null,

  async exportMarkdown(incidentId) {
    set({ open: true, busy: true, error: null, document: null });
    const result = await api.invoke('postmortems:export', { incidentId, format: 'md' });
    if (result.ok) set({ busy: false, document: result.value });
    else set({ busy: false, error: result.error });
  },

  close: () => set({ open: false, busy: false, error: null, document: null }),
}));
