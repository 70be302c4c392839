import { originOf } from './app-origin';

/** The parts of Electron's `WebFrameMain` that the sender check reads. */
export interface SenderFrame {
  url: string;
  /** The parent frame, or null for a top-level frame. */
  parent: unknown;
}

/** Outcome of a sender check; `reason` is for the log, never for the page. */
export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * Checks that an IPC message comes from a top-level frame showing one of our own pages.
 * A null frame (navigated away or destroyed), a sub-frame or any other origin is rejected.
 */
export function checkSender(frame: SenderFrame | null, trusted: readonly string[]): SenderVerdict {
  if (frame === null) return { trusted: false, reason: 'sender frame is gone' };
  if (frame.parent !== null) return { trusted: false, reason: 'sender is a sub-frame' };

  const origin = originOf(frame.url);
  if (origin === null || !trusted.includes(origin)) {
    return { trusted: false, reason: `sender origin ${origin ?? '(none)'} is not trusted` };
  }
  return { trusted: true };
}
