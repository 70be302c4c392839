/** The custom scheme that serves the built renderer; `file://` is never used. */
export const APP_SCHEME = 'app';

/** The single host name under the app scheme. */
export const APP_HOST = 'firebreak';

/** Origin of every page Firebreak loads in production, as `originOf` spells it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Hash route of the small quick-declare window. */
export const QUICK_DECLARE_ROUTE = '#/quick-declare';

/**
 * Builds the URL of the renderer's entry page, optionally with a hash route. With a dev
 * server URL (electron-vite dev) the page comes from that server instead of the app scheme.
 */
export function rendererUrl(hashRoute = '', devServerUrl?: string): string {
  const base = devServerUrl ? new URL('/', devServerUrl).href : `${APP_ORIGIN}/`;
  return `${base}index.html${hashRoute}`;
}

/**
 * Returns `scheme://host[:port]` for a URL, or null when it does not parse or has no host.
 * WHATWG URL reports the origin of a custom scheme as the opaque "null", so this compares
 * scheme and host instead; credentials in the URL make it untrusted (null).
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * Lists the origins whose pages may call the contract and navigate inside the app: the app
 * scheme, plus the dev server's origin in development.
 */
export function trustedOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  if (dev) origins.push(dev);
  return origins;
}
