import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { writeFileAtomic } from './atomic-file';

/**
 * Encrypts and decrypts short secrets with a key the operating system keeps for the user.
 * The desktop host implements it with Electron's `safeStorage`; the browser host and the
 * CLI have none.
 */
export interface SecretStore {
  encrypt(plain: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<string>;
}

/** Folder in the data directory that contains encrypted backend tokens. */
export const SECRETS_DIR = 'secrets';

/**
 * Backend tokens entered in the desktop UI, one encrypted file per backend under
 * `<dataDir>/secrets/`, mode 0600. They never go to SQLite or the backends file.
 */
export class BackendTokenFiles {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly store: SecretStore | undefined,
  ) {
    this.dir = path.join(dataDir, SECRETS_DIR);
  }

  /** Whether this host can store tokens (it has a `SecretStore`). */
  get available(): boolean {
    return this.store !== undefined;
  }

  /** Encrypts and stores the token of `backend`. Raises `precondition_failed` without a store. */
  async write(backend: string, token: string): Promise<void> {
    const store = this.requireStore(backend);
    writeFileAtomic(this.file(backend), await store.encrypt(token));
  }

  /**
   * Reads and decrypts the token of `backend`. Raises `precondition_failed` without a
   * store or when the file is missing or cannot be decrypted.
   */
  async read(backend: string): Promise<string> {
    const store = this.requireStore(backend);
    let encrypted: Buffer;
    try {
      encrypted = fs.readFileSync(this.file(backend));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new AppError(
        'precondition_failed',
        `The stored token of backend "${backend}" is missing from ${this.dir}. ` +
          'Enter the token again in the backend settings.',
        { backend },
      );
    }
    try {
      return await store.decrypt(encrypted);
    } catch (error) {
      throw new AppError(
        'precondition_failed',
        `The stored token of backend "${backend}" could not be decrypted ` +
          `(${(error as Error).message}). Enter the token again in the backend settings.`,
        { backend },
      );
    }
  }

  /** Deletes the stored token of `backend`; nothing happens when there is none. */
  remove(backend: string): void {
    fs.rmSync(this.file(backend), { force: true });
  }

  /** The token file of a backend; hashing the name keeps any name a safe file name. */
  file(backend: string): string {
    const digest = createHash('sha256').update(backend).digest('hex').slice(0, 32);
    return path.join(this.dir, `backend-${digest}.token`);
  }

  private requireStore(backend: string): SecretStore {
    if (this.store) return this.store;
    throw new AppError(
      'precondition_failed',
      `This Firebreak host cannot store backend tokens encrypted, so the token of backend ` +
        `"${backend}" was not saved. Set tokenEnv (an environment variable) or tokenFile ` +
        '(a file readable only by you) instead, or use the desktop app.',
      { backend },
    );
  }
}
