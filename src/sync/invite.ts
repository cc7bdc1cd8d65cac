import { toBase64Url } from '../store/deviceKey';

/**
 * Rooms and invite links. A room is a random id (visible to the signaling server, so it says
 * nothing about the project) and a random secret (y-webrtc's password: it encrypts signaling and
 * gives edit access). The invite link carries both in the URL fragment, which browsers never
 * send to any server, plus the inviter's signaling servers so a fresh browser can find them.
 *
 *   https://frameline.example/#/join/<roomId>/<secret>?signal=<urls, space-separated>
 */
export interface Invite {
  readonly roomId: string;
  readonly secret: string;
  /** Signaling servers the inviter uses; null when the link names none. */
  readonly signaling: readonly string[] | null;
}

const ROOM_ID_BYTES = 16;
const SECRET_BYTES = 32;
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const WS_URL = /^wss?:\/\/[^\s]+$/;

function randomToken(bytes: number): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function newRoom(): { readonly roomId: string; readonly secret: string } {
  return { roomId: randomToken(ROOM_ID_BYTES), secret: randomToken(SECRET_BYTES) };
}

/** `appUrl` is the app's address without a fragment (location.origin + location.pathname). */
export function inviteLink(appUrl: string, invite: Invite): string {
  const signal = invite.signaling?.length
    ? `?signal=${encodeURIComponent(invite.signaling.join(' '))}`
    : '';
  return `${appUrl}#/join/${invite.roomId}/${invite.secret}${signal}`;
}

/** Reads `#/join/…`; null for anything else or anything malformed. */
export function parseInviteHash(hash: string): Invite | null {
  const match = /^#\/join\/([^/?]+)\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (!match) return null;
  const [, roomId = '', secret = '', query = ''] = match;
  if (!TOKEN.test(roomId) || !TOKEN.test(secret)) return null;
  const signalParam = new URLSearchParams(query).get('signal');
  const signaling = signalParam
    ? signalParam
        .split(/\s+/)
        .filter((url) => WS_URL.test(url))
        .slice(0, 8)
    : [];
  return { roomId, secret, signaling: signaling.length > 0 ? signaling : null };
}
