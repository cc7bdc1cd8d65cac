import { DEVICE_KEY_ALGORITHM, fromBase64Url, toBase64Url } from '../../store/deviceKey';

/**
 * The three kinds of invite link and the keys behind them (README "Roles enforced by every
 * peer"). A room made with roles has two role key pairs (ECDSA P-256): one for editing, one for
 * commenting. Every link carries both public keys (the room's charter); an edit link also carries
 * the edit key's private part, a comment link the comment key's. Holding a role key lets a device
 * sign itself a pass (pass.ts); the public keys let every peer check any pass. A view link holds
 * no private key, so nothing a viewer signs passes as anything but a viewer's.
 */
export const ROOM_ROLES = ['edit', 'comment', 'view'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

/** The public half of a room's roles: what every member knows. Raw P-256 points, base64url. */
export interface RoomCharter {
  readonly editKey: string;
  readonly commentKey: string;
}

/** What a member of a room holds: its role, the charter, and the role's private scalar (if any). */
export interface RoomRoles {
  readonly role: RoomRole;
  readonly charter: RoomCharter;
  /** JWK `d` of the role's private key, base64url; null for a viewer. */
  readonly roleSecret: string | null;
}

/** Everything the owner holds: both private keys, so it can hand out every kind of link. */
export interface OwnerRoles {
  readonly charter: RoomCharter;
  readonly editSecret: string;
  readonly commentSecret: string;
}

const P256_POINT_BYTES = 65;
const P256_SCALAR_BYTES = 32;

async function newRoleKey(): Promise<{ publicKey: string; secret: string }> {
  const pair = await crypto.subtle.generateKey(DEVICE_KEY_ALGORITHM, true, ['sign', 'verify']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  if (!jwk.d) throw new Error('Room roles: WebCrypto exported a private key without its scalar');
  return { publicKey: toBase64Url(raw), secret: jwk.d };
}

/** A new room's role keys: the owner keeps them and hands out links made from them. */
export async function newOwnerRoles(): Promise<OwnerRoles> {
  const [edit, comment] = await Promise.all([newRoleKey(), newRoleKey()]);
  return {
    charter: { editKey: edit.publicKey, commentKey: comment.publicKey },
    editSecret: edit.secret,
    commentSecret: comment.secret,
  };
}

/** What a link of the given kind hands over. */
export function rolesForLink(owner: OwnerRoles, role: RoomRole): RoomRoles {
  const roleSecret =
    role === 'edit' ? owner.editSecret : role === 'comment' ? owner.commentSecret : null;
  return { role, charter: owner.charter, roleSecret };
}

/** The public key of a role, or null for viewers (who have none: nobody can sign as one). */
export function roleKeyOf(charter: RoomCharter, role: RoomRole): string | null {
  return role === 'edit' ? charter.editKey : role === 'comment' ? charter.commentKey : null;
}

/** Whether a string is a raw P-256 point / a P-256 scalar in base64url (shape only). */
export function isPublicKeyText(text: string): boolean {
  return /^[A-Za-z0-9_-]{87}$/.test(text) && fromBase64Url(text).length === P256_POINT_BYTES;
}

export function isSecretText(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text) && fromBase64Url(text).length === P256_SCALAR_BYTES;
}

/** The role's private key, rebuilt from the scalar and the public point the charter names. */
export async function importRoleKey(publicKey: string, secret: string): Promise<CryptoKey> {
  const point = fromBase64Url(publicKey);
  const jwk: JsonWebKey = {
    kty: 'EC',
    crv: 'P-256',
    x: toBase64Url(point.subarray(1, 33)),
    y: toBase64Url(point.subarray(33, 65)),
    d: secret,
    ext: false,
  };
  try {
    return await crypto.subtle.importKey('jwk', jwk, DEVICE_KEY_ALGORITHM, false, ['sign']);
  } catch (error) {
    throw new Error(
      `Room roles: the invite link's role key does not match the room's public key (${
        error instanceof Error ? error.message : String(error)
      })`,
      { cause: error },
    );
  }
}
