import { afterEach, describe, expect, test, vi } from 'vitest';
import { roomBlockedReason } from './roomPolicy';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a room whose servers the security policy blocks', () => {
  test('says so when every server it names is blocked', () => {
    vi.stubGlobal('location', new URL('https://frameline.example/'));
    const reason = roomBlockedReason({
      transport: 'peer',
      signaling: ['ws://192.168.1.5:4444', 'ws://10.0.0.2:4444'],
      serverUrl: '',
    });
    expect(reason).toMatch(/may not connect to ws:\/\/192\.168\.1\.5:4444.*FRAMELINE_CONNECT_SRC/);
    expect(
      roomBlockedReason({ transport: 'server', signaling: [], serverUrl: 'ws://sync.lan:1234' }),
    ).toMatch(/ws:\/\/sync\.lan:1234/);
  });

  test('says nothing while one server may be reached, or none is named', () => {
    vi.stubGlobal('location', new URL('https://frameline.example/'));
    expect(
      roomBlockedReason({
        transport: 'peer',
        signaling: ['ws://192.168.1.5:4444', 'wss://signal.example'],
        serverUrl: '',
      }),
    ).toBeNull();
    expect(
      roomBlockedReason({ transport: 'peer', signaling: ['ws://127.0.0.1:4444'], serverUrl: '' }),
    ).toBeNull();
    expect(roomBlockedReason({ transport: 'peer', signaling: [], serverUrl: '' })).toBeNull();
  });
});
