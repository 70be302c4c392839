import { originOf } from './app-origin';

/** What to do with a navigation or a window-open request. */
export interface NavigationDecision {
  /** Whether the web contents may go to the URL itself. */
  allow: boolean;
  /** A checked http(s) URL to hand to the system browser instead, if any. */
  openExternally?: string;
}

/** Schemes the system browser may receive; anything else could launch another program. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:']);

/**
 * Returns the URL normalised for the system browser, or null when it is unsafe to pass on:
 * a scheme other than http(s), credentials in the URL, or no host name.
 */
export function safeExternalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

/**
 * Decides a `will-navigate`, `will-frame-navigate` or `will-redirect` request: pages stay on
 * a trusted origin, and an http(s) link goes to the system browser instead.
 */
export function decideNavigation(url: string, trusted: readonly string[]): NavigationDecision {
  const origin = originOf(url);
  if (origin !== null && trusted.includes(origin)) return { allow: true };
  return external(url);
}

/**
 * Decides a `window.open` or `target=_blank` request. Firebreak never opens a second window
 * from a page, so the decision is always deny, with http(s) links sent to the system browser.
 */
export function decideWindowOpen(url: string): NavigationDecision {
  return external(url);
}

function external(url: string): NavigationDecision {
  const safe = safeExternalUrl(url);
  return safe === null ? { allow: false } : { allow: false, openExternally: safe };
}
