import { connectBlockedReason } from '../../pwa/contentSecurityPolicy';
import type { RoomConfig } from '../../sync/collabRoom';

/**
 * Why this build's security policy (connect-src) keeps a room from every server it names, or
 * null. An invite brings the inviter's signaling servers, so someone who joins never saw the
 * warning the connection settings show under an address: without this, a `ws://` server on the
 * inviter's network would only ever "not answer yet".
 */
export function roomBlockedReason(
  config: Pick<RoomConfig, 'transport' | 'signaling' | 'serverUrl'>,
): string | null {
  const urls = config.transport === 'server' ? [config.serverUrl] : [...config.signaling];
  const first = urls[0];
  if (first === undefined || urls.some((url) => connectBlockedReason(url) === null)) return null;
  const what = config.transport === 'server' ? 'the room’s server' : 'the room’s signaling server';
  return `This copy of Frameline may not connect to ${originOf(first)}, ${what}: its security policy allows only wss:// servers and this computer. Ask whoever shared the room for a wss:// address, or have this copy deployed with the address in FRAMELINE_CONNECT_SRC (see the README, “Security”).`;
}

function originOf(url: string): string {
  try {
    return new URL(url.trim()).origin;
  } catch {
    return url;
  }
}
