import { BrowserWindow, type WebContents } from 'electron';
import type { Logger } from '../core/telemetry/logger';
import { QUICK_DECLARE_ROUTE, rendererUrl } from './app-origin';
import { mainWindowOptions, quickDeclareWindowOptions, type WindowContext } from './window-options';

/** Creates, shows and tracks the main window and the quick-declare window. */
export class Windows {
  private main: BrowserWindow | null = null;
  private quickDeclare: BrowserWindow | null = null;

  constructor(
    private readonly context: WindowContext,
    private readonly log: Logger,
    /** electron-vite's dev server URL in development, else undefined (pages come from app://). */
    private readonly devServerUrl: string | undefined,
  ) {}

  /** Shows the main window, creating it on first use, and brings it to the front. */
  showMain(): void {
    if (this.main === null || this.main.isDestroyed()) {
      this.main = this.create(mainWindowOptions(this.context), '', 'main');
      this.main.on('closed', () => (this.main = null));
      return;
    }
    if (this.main.isMinimized()) this.main.restore();
    this.main.show();
    this.main.focus();
  }

  /** Shows the quick-declare window, creating it if needed; there is never more than one. */
  showQuickDeclare(): void {
    if (this.quickDeclare === null || this.quickDeclare.isDestroyed()) {
      const options = quickDeclareWindowOptions(this.context);
      this.quickDeclare = this.create(options, QUICK_DECLARE_ROUTE, 'quick-declare');
      this.quickDeclare.on('closed', () => (this.quickDeclare = null));
      return;
    }
    this.quickDeclare.show();
    this.quickDeclare.focus();
  }

  /** Checks whether `contents` belongs to the quick-declare window. */
  isQuickDeclare(contents: WebContents): boolean {
    return this.quickDeclare !== null && !this.quickDeclare.isDestroyed()
      ? this.quickDeclare.webContents.id === contents.id
      : false;
  }

  private create(
    options: Electron.BrowserWindowConstructorOptions,
    route: string,
    name: string,
  ): BrowserWindow {
    const window = new BrowserWindow(options);
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      this.log.error(
        { window: name, reason: details.reason, exitCode: details.exitCode },
        'renderer process gone',
      );
    });

    const url = rendererUrl(route, this.devServerUrl);
    window.loadURL(url).catch((error: unknown) => {
      this.log.error({ window: name, url, error }, 'window failed to load');
    });
    this.log.info({ window: name, url }, 'window opened');
    return window;
  }
}
