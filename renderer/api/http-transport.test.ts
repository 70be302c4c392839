import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpTransport } from './http-transport';

/** Stands in for the browser's EventSource: the test fires `open` and messages by hand. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createHttpTransport push stream', () => {
  it('opens one stream with the token', () => {
    const transport = createHttpTransport('secret token');
    transport.onPush(() => undefined);
    transport.onReconnect?.(() => undefined);
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(FakeEventSource.instances[0]?.url).toBe('/api/events?token=secret%20token');
  });

  it('reports a reconnect only after the first open', () => {
    const transport = createHttpTransport('token');
    const reconnected = vi.fn();
    transport.onReconnect?.(reconnected);
    const source = FakeEventSource.instances[0];

    source?.onopen?.();
    expect(reconnected).not.toHaveBeenCalled();

    source?.onopen?.();
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it('stops reporting after the listener is removed', () => {
    const transport = createHttpTransport('token');
    const reconnected = vi.fn();
    const stop = transport.onReconnect?.(reconnected);
    const source = FakeEventSource.instances[0];
    source?.onopen?.();
    stop?.();

    source?.onopen?.();
    expect(reconnected).not.toHaveBeenCalled();
  });

  it('passes valid pushes and drops invalid ones', () => {
    const transport = createHttpTransport('token');
    const pushed = vi.fn();
    transport.onPush(pushed);
    const source = FakeEventSource.instances[0];

    source?.onmessage?.({ data: JSON.stringify({ type: 'incidents:changed', incidentId: 'a' }) });
    source?.onmessage?.({ data: '{"type":"nonsense"}' });
    source?.onmessage?.({ data: 'not json' });

    expect(pushed).toHaveBeenCalledTimes(1);
    expect(pushed).toHaveBeenCalledWith({ type: 'incidents:changed', incidentId: 'a' });
  });
});
