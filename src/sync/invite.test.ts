import { describe, expect, test } from 'vitest';
import { inviteLink, newRoom, parseInviteHash } from './invite';

describe('invites', () => {
  test('a new room has an unguessable id and secret that survive the link round trip', () => {
    const room = newRoom();
    expect(room.roomId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(room.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRoom().secret).not.toBe(room.secret);
    const link = inviteLink('http://127.0.0.1:4173/', {
      ...room,
      signaling: ['ws://127.0.0.1:4444', 'wss://signal.example/x'],
    });
    const url = new URL(link);
    expect(url.search).toBe('');
    expect(url.hash.startsWith('#/join/')).toBe(true);
    expect(parseInviteHash(url.hash)).toEqual({
      ...room,
      signaling: ['ws://127.0.0.1:4444', 'wss://signal.example/x'],
    });
  });

  test('malformed links and foreign signaling values are refused', () => {
    expect(parseInviteHash('#/project/abc')).toBeNull();
    expect(parseInviteHash('#/join/short/secret')).toBeNull();
    expect(parseInviteHash('#/join/aaaaaaaaaaaaaaaaaaaa/b<script>bbbbbbbbbbbbbbbbb')).toBeNull();
    const parsed = parseInviteHash(
      `#/join/${'a'.repeat(22)}/${'b'.repeat(43)}?signal=${encodeURIComponent('javascript:alert(1) http://x')}`,
    );
    expect(parsed?.signaling).toBeNull();
  });
});
