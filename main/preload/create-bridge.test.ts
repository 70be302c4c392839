import { describe, expect, it } from 'vitest';
import type { PushEvent } from '../../shared/ipc/events';
import { createBridge, type BridgeIpc } from './create-bridge';

type Listener = (event: unknown, payload: PushEvent) => void;

/** Records calls and lets a test emit pushes, standing in for ipcRenderer. */
function fakeIpc(reply: (channel: string, input: unknown) => Promise<unknown>) {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: BridgeIpc = {
    invoke(channel, input) {
      calls.push([channel, input]);
      return reply(channel, input);
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, payload: PushEvent) => {
    for (const listener of listeners.get(channel) ?? []) {
      listener({ sender: 'ipc-event-internals' }, payload);
    }
  };
  return { ipc, calls, emit, listeners };
}

const CHANNELS = ['incidents:list', 'incidents:declare'];
const PUSH = 'firebreak:push';
const CHANGED: PushEvent = { type: 'incidents:changed', incidentId: 'inc-1' };

describe('createBridge', () => {
  it('reports the desktop host', () => {
    const { ipc } = fakeIpc(async () => null);
    expect(createBridge(ipc, CHANNELS, PUSH).host).toBe('desktop');
  });

  it('forwards a contract channel and returns the result', async () => {
    const { ipc, calls } = fakeIpc(async () => ({ ok: true, value: [] }));
    const bridge = createBridge(ipc, CHANNELS, PUSH);
    const result = await bridge.invoke('incidents:declare', { title: 'DB down' });
    expect(result).toEqual({ ok: true, value: [] });
    expect(calls).toEqual([['incidents:declare', { title: 'DB down' }]]);
  });

  it.each(['firebreak:push', 'ELECTRON_BROWSER_REQUIRE', 'incidents:drop', '', 42])(
    'rejects non-contract channel %j without sending',
    async (channel) => {
      const { ipc, calls } = fakeIpc(async () => ({ ok: true, value: null }));
      const bridge = createBridge(ipc, CHANNELS, PUSH);
      const result = await bridge.invoke(channel as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(calls).toEqual([]);
    },
  );

  it('turns an IPC rejection into an internal error result', async () => {
    const { ipc } = fakeIpc(async () => {
      throw new Error('No handler registered');
    });
    const result = await createBridge(ipc, CHANNELS, PUSH).invoke('incidents:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).toContain('No handler registered');
  });

  it('passes only the payload to push listeners', () => {
    const { ipc, emit } = fakeIpc(async () => null);
    const received: unknown[][] = [];
    createBridge(ipc, CHANNELS, PUSH).onPush((...args: unknown[]) => received.push(args));
    emit(PUSH, CHANGED);
    expect(received).toEqual([[CHANGED]]);
  });

  it('stops delivering after unsubscribe', () => {
    const { ipc, emit, listeners } = fakeIpc(async () => null);
    const received: PushEvent[] = [];
    const off = createBridge(ipc, CHANNELS, PUSH).onPush((event) => received.push(event));
    off();
    emit(PUSH, CHANGED);
    expect(received).toEqual([]);
    expect(listeners.get(PUSH)?.size).toBe(0);
  });

  it('rejects a listener that is not a function', () => {
    const { ipc } = fakeIpc(async () => null);
    const bridge = createBridge(ipc, CHANNELS, PUSH);
    expect(() => bridge.onPush('x' as never)).toThrow(TypeError);
  });
});
