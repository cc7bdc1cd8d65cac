import { canonicalJson } from '../../model/canonical';
import { fromBase64Url, toBase64Url } from '../../store/deviceKey';
import { verifyPayload } from '../signatures';
import {
  importRoleKey,
  roleKeyOf,
  type RoomCharter,
  type RoomRole,
  type RoomRoles,
} from './roomRoles';

/**
 * A pass: "the device with this public key may act as an editor (or commenter) in this room",
 * signed with the room's role key. A device makes its own from the role key its link carried,
 * and sends it with every update it signs (signedUpdate.ts), so any peer can check it with the
 * charter alone, with no owner online and no list to fetch. A pass is public; it is worth nothing
 * without the device's private key, because every update must also carry that device's signature.
 */
export interface Pass {
  readonly role: Exclude<RoomRole, 'view'>;
  /** The device's public key (raw P-256 point, base64url). */
  readonly device: string;
  /** The role key's ECDSA signature over `passPayload`, base64url. */
  readonly signature: string;
}

const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

export function passPayload(roomId: string, role: RoomRole, device: string): object {
  return { type: 'frameline.pass/1', roomId, role, device };
}

/** Signs this device a pass with the role key its link carried; null for a viewer. */
export async function makePass(
  roomId: string,
  roles: RoomRoles,
  device: string,
): Promise<Pass | null> {
  if (roles.role === 'view' || roles.roleSecret === null) return null;
  const publicKey = roleKeyOf(roles.charter, roles.role);
  if (!publicKey) return null;
  const key = await importRoleKey(publicKey, roles.roleSecret);
  const bytes = new TextEncoder().encode(canonicalJson(passPayload(roomId, roles.role, device)));
  const signature = new Uint8Array(await crypto.subtle.sign(SIGN_PARAMS, key, bytes));
  return { role: roles.role, device, signature: toBase64Url(signature) };
}

/** Verdicts on passes seen, so a pass sent with every update is checked once. */
const checked = new Map<string, Promise<boolean>>();
const CACHE_LIMIT = 500;

/** Whether the pass was signed by this room's key for its role. */
export function verifyPass(roomId: string, charter: RoomCharter, pass: Pass): Promise<boolean> {
  const roleKey = roleKeyOf(charter, pass.role);
  if (!roleKey || fromBase64Url(pass.signature).length === 0) return Promise.resolve(false);
  const id = `${roomId}:${roleKey}:${pass.role}:${pass.device}:${pass.signature}`;
  let verdict = checked.get(id);
  if (!verdict) {
    verdict = verifyPayload(roleKey, passPayload(roomId, pass.role, pass.device), pass.signature);
    if (checked.size >= CACHE_LIMIT) checked.clear();
    checked.set(id, verdict);
  }
  return verdict;
}
