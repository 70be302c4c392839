import { describe, expect, it } from 'vitest';
import { createSafeStorageSecretStore, type SafeStorageLike } from './secret-store';

function fakeSafeStorage(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(`sync:${plain}`),
    decryptString: (encrypted) => encrypted.toString().replace(/^sync:/, ''),
    ...overrides,
  };
}

describe('createSafeStorageSecretStore', () => {
  it('uses the sync calls when async ones are absent', async () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(), 'darwin');
    const encrypted = await store.encrypt('token');
    expect(encrypted.toString()).toBe('sync:token');
    expect(await store.decrypt(encrypted)).toBe('token');
  });

  it('prefers the async calls', async () => {
    const store = createSafeStorageSecretStore(
      fakeSafeStorage({
        encryptStringAsync: async (plain) => Buffer.from(`async:${plain}`),
        decryptStringAsync: async (encrypted) => ({
          shouldReEncrypt: false,
          result: encrypted.toString().replace(/^async:/, ''),
        }),
      }),
      'win32',
    );
    const encrypted = await store.encrypt('token');
    expect(encrypted.toString()).toBe('async:token');
    expect(await store.decrypt(encrypted)).toBe('token');
  });

  it('accepts a plain string from decryptStringAsync', async () => {
    const store = createSafeStorageSecretStore(
      fakeSafeStorage({ decryptStringAsync: async () => 'token' }),
      'darwin',
    );
    expect(await store.decrypt(Buffer.from('x'))).toBe('token');
  });

  it('rejects when encryption is unavailable', async () => {
    const store = createSafeStorageSecretStore(
      fakeSafeStorage({ isEncryptionAvailable: () => false }),
      'linux',
    );
    await expect(store.encrypt('token')).rejects.toThrow('keyring is not available');
    await expect(store.decrypt(Buffer.from('x'))).rejects.toThrow('keyring is not available');
  });

  it('rejects basic_text storage on Linux', async () => {
    const store = createSafeStorageSecretStore(
      fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }),
      'linux',
    );
    await expect(store.encrypt('token')).rejects.toThrow('no keyring');
  });
});
