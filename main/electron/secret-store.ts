import type { SecretStore } from '../core/backends/secrets';

/**
 * The part of Electron's `safeStorage` that Firebreak uses. The async pair is optional:
 * Electron 39's typings declare only the synchronous calls, and later versions add
 * `encryptStringAsync` and `decryptStringAsync`.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  encryptStringAsync?: (plainText: string) => Promise<Buffer>;
  decryptStringAsync?: (encrypted: Buffer) => Promise<unknown>;
  /** Linux only: which keyring protects the key; `basic_text` means a fixed, known key. */
  getSelectedStorageBackend?: () => string;
}

/**
 * Builds the desktop `SecretStore` on `safeStorage`, preferring the async calls when this
 * Electron has them. Availability is checked on each call, because on Linux it is false
 * until the app is ready. Encryption fails with a message when no keyring protects the
 * key, since `basic_text` storage would only obscure the token.
 */
export function createSafeStorageSecretStore(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  const requireAvailable = (): void => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('the operating system keyring is not available to Firebreak');
    }
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new Error(
        'no keyring (GNOME Keyring or KWallet) is running, so the token could not be protected',
      );
    }
  };
  return {
    async encrypt(plain) {
      requireAvailable();
      if (safeStorage.encryptStringAsync) return safeStorage.encryptStringAsync(plain);
      return safeStorage.encryptString(plain);
    },
    async decrypt(encrypted) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('the operating system keyring is not available to Firebreak');
      }
      if (!safeStorage.decryptStringAsync) return safeStorage.decryptString(encrypted);
      return decryptedText(await safeStorage.decryptStringAsync(encrypted));
    },
  };
}

/**
 * Reads the result of `decryptStringAsync`, which is a string or an object with the
 * string in `result`, depending on the Electron version.
 */
// NOTE: the object form is inferred from Electron's release notes, not from typings here.
function decryptedText(value: unknown): string {
  if (typeof value === 'string') return value;
  const result = (value as { result?: unknown } | null)?.result;
  if (typeof result === 'string') return result;
  throw new Error('safeStorage returned no decrypted text');
}
