import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveResourcePaths, trayIconPath } from './resource-paths';

describe('resolveResourcePaths', () => {
  it('uses the repository in development', () => {
    const repo = path.resolve('/src/firebreak');
    const paths = resolveResourcePaths({
      isPackaged: false,
      mainDir: path.join(repo, 'out', 'main'),
      resourcesPath: '/usr/lib/electron/resources',
    });
    expect(paths).toEqual({
      rendererDir: path.join(repo, 'out', 'renderer'),
      preloadPath: path.join(repo, 'out', 'preload', 'index.cjs'),
      runbooksDir: path.join(repo, 'runbooks'),
      iconsDir: path.join(repo, 'build'),
      sqliteAddon: path.join(repo, 'node_modules', '.firebreak-electron', 'better_sqlite3.node'),
    });
  });

  it('uses app.asar and the resources folder when packaged', () => {
    const resources = path.resolve('/opt/Firebreak/resources');
    const paths = resolveResourcePaths({
      isPackaged: true,
      mainDir: path.join(resources, 'app.asar', 'out', 'main'),
      resourcesPath: resources,
    });
    expect(paths).toEqual({
      rendererDir: path.join(resources, 'app.asar', 'out', 'renderer'),
      preloadPath: path.join(resources, 'app.asar', 'out', 'preload', 'index.cjs'),
      runbooksDir: path.join(resources, 'runbooks'),
      iconsDir: path.join(resources, 'icons'),
      sqliteAddon: path.join(resources, 'native', 'better_sqlite3.node'),
    });
  });
});

describe('trayIconPath', () => {
  it('uses the template image on macOS', () => {
    expect(trayIconPath('/icons', 'darwin')).toBe(path.join('/icons', 'tray-iconTemplate.png'));
  });

  it('uses the coloured icon elsewhere', () => {
    expect(trayIconPath('/icons', 'linux')).toBe(path.join('/icons', 'tray-icon.png'));
    expect(trayIconPath('/icons', 'win32')).toBe(path.join('/icons', 'tray-icon.png'));
  });
});
