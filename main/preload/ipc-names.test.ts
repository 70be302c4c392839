import { describe, expect, it } from 'vitest';
import { PRELOAD_IPC_NAMES } from '../../electron.vite.config';
import { CHANNELS, PUSH_CHANNEL } from '../../shared/ipc/contract';

describe('PRELOAD_IPC_NAMES', () => {
  it('lists every contract channel', () => {
    expect([...PRELOAD_IPC_NAMES.channels].sort()).toEqual([...CHANNELS].sort());
  });

  it('names the push channel', () => {
    expect(PRELOAD_IPC_NAMES.pushChannel).toBe(PUSH_CHANNEL);
  });
});
