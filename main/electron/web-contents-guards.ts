import { shell, type App, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/telemetry/logger';
import { decideNavigation, decideWindowOpen, type NavigationDecision } from './navigation-guard';
import { isPermissionAllowed } from './permissions';

/**
 * Applies the navigation, window-open and webview guards to every web contents
 * the app ever creates, so a window added later cannot forget them.
 */
export function guardAllWebContents(app: App, trusted: readonly string[], log: Logger): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, trusted, log));
}

/** Denies every permission request and check outside the allow-list, and every download. */
export function restrictPermissions(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const allowed = isPermissionAllowed(permission);
    if (!allowed) log.warn({ permission }, 'permission request denied');
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  session.on('will-download', (event, item) => {
    log.warn({ url: item.getURL() }, 'download blocked');
    event.preventDefault();
  });
}

function guardWebContents(contents: WebContents, trusted: readonly string[], log: Logger): void {
  // will-frame-navigate covers the main frame and sub-frames, so will-navigate is not needed
  // and a clicked link is not handed to the system browser twice.
  contents.on('will-frame-navigate', (event) => {
    const decision = decideNavigation(event.url, trusted);
    if (decision.allow) return;
    event.preventDefault();
    // Only a top-level link click goes to the system browser; a sub-frame never opens anything.
    applyDecision(event.isMainFrame ? decision : { allow: false }, event.url, log);
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, trusted).allow) return;
    event.preventDefault();
    applyDecision({ allow: false }, event.url, log);
  });

  contents.setWindowOpenHandler(({ url }) => {
    applyDecision(decideWindowOpen(url), url, log);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    log.warn('webview blocked');
    event.preventDefault();
  });
}

function applyDecision(decision: NavigationDecision, url: string, log: Logger): void {
  if (decision.openExternally === undefined) {
    log.warn({ url }, 'navigation blocked');
    return;
  }
  log.info({ url: decision.openExternally }, 'link opened in the system browser');
  shell.openExternal(decision.openExternally).catch((error: unknown) => {
    log.warn({ url: decision.openExternally, error }, 'system browser did not open the link');
  });
}
