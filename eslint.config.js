// Lint rules, including the import boundaries between processes (see architecture notes in
// the README): the renderer and shared code never reach Node, Electron or the main process.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto'];

/** Builds a no-restricted-imports rule from groups of forbidden patterns and the reason. */
function forbid(groups) {
  return [
    'error',
    { patterns: groups.map(([group, message]) => ({ group, message, allowTypeImports: false })) },
  ];
}

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results*/**', 'playwright-report/**'],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [['**/main/**', '../main/*'], 'The renderer talks to the core only through renderer/api.'],
        [NODE_BUILTINS, 'The renderer runs in a sandbox without Node.'],
        [
          ['electron', 'better-sqlite3'],
          'Only main/electron imports electron; only main/core/db imports better-sqlite3.',
        ],
      ]),
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': forbid([
        [
          ['**/main/**', '**/renderer/**'],
          'shared/ is imported by both sides and imports neither.',
        ],
        [
          [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'react', 'react-dom'],
          'shared/ is pure TypeScript.',
        ],
      ]),
    },
  },
  {
    files: ['main/**'],
    ignores: [
      'main/electron/**',
      'main/preload/**',
      'main/core/db/**',
      'main/**/*.queries.ts',
      'main/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': forbid([
        [['electron'], 'Only main/electron imports electron.'],
        [['better-sqlite3'], 'Only main/core/db and *.queries.ts files use better-sqlite3.'],
        [['**/renderer/**'], 'Main code never imports the renderer.'],
      ]),
    },
  },
  {
    files: ['main/preload/**'],
    ignores: ['main/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [NODE_BUILTINS, 'The preload runs sandboxed, without Node modules.'],
        [
          ['better-sqlite3', '**/core/**', '**/renderer/**'],
          'The preload bundles only the bridge.',
        ],
      ]),
    },
  },
  {
    // Raw IPC and shell.openExternal each live in one audited module of the desktop shell.
    files: ['main/electron/**'],
    ignores: ['main/electron/ipc.ts', 'main/electron/web-contents-guards.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer', 'shell'],
              message: 'Use main/electron/ipc.ts for IPC and web-contents-guards.ts for links.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/db/**', 'main/**/*.queries.ts'],
    rules: {
      'no-restricted-imports': forbid([[['electron'], 'Only main/electron imports electron.']]),
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'e2e/**', 'e2e-electron/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
