import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { DeviceKey } from '../../store/deviceKey';
import { publicKeyFor } from '../signatures';
import type { Pass } from './pass';

/**
 * A document update as it travels in a room with roles: the update, the device that vouches for
 * it, that device's ECDSA signature over the room id and the update's bytes, and the device's
 * pass (null for a viewer). One signature covers a whole flushed update however many keystrokes
 * it holds (signingOutbox.ts), and a relayed update keeps its author's envelope unchanged.
 *
 *   varUint step · varUint8Array update · varString device · varUint8Array signature
 *   · varUint hasPass [· varString role · varString passSignature]
 */
export interface SignedUpdate {
  /** SYNC_STEP_2 or SYNC_UPDATE (protocol.ts). */
  readonly step: number;
  readonly update: Uint8Array;
  readonly device: string;
  readonly signature: Uint8Array;
  readonly pass: Pass | null;
}

const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;
const PASS_ROLES = new Set(['edit', 'comment']);

/** What a device signs: the room (so an update cannot be replayed into another) and the bytes. */
function signedBytes(roomId: string, update: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = new TextEncoder().encode(`frameline.update/1\n${roomId}\n`);
  const bytes = new Uint8Array(head.byteLength + update.byteLength);
  bytes.set(head);
  bytes.set(update, head.byteLength);
  return bytes;
}

export async function signUpdate(
  roomId: string,
  key: DeviceKey,
  update: Uint8Array,
): Promise<Uint8Array> {
  const signature = await crypto.subtle.sign(
    SIGN_PARAMS,
    key.privateKey,
    signedBytes(roomId, update),
  );
  return new Uint8Array(signature);
}

/** Whether `signed.device` signed `signed.update` for this room. */
export async function verifyUpdateSignature(
  roomId: string,
  signed: SignedUpdate,
): Promise<boolean> {
  const key = await publicKeyFor(signed.device);
  if (!key) return false;
  try {
    return await crypto.subtle.verify(
      SIGN_PARAMS,
      key,
      new Uint8Array(signed.signature),
      signedBytes(roomId, signed.update),
    );
  } catch {
    return false;
  }
}

export function writeSignedUpdate(encoder: encoding.Encoder, signed: SignedUpdate): void {
  encoding.writeVarUint(encoder, signed.step);
  encoding.writeVarUint8Array(encoder, signed.update);
  encoding.writeVarString(encoder, signed.device);
  encoding.writeVarUint8Array(encoder, signed.signature);
  encoding.writeVarUint(encoder, signed.pass ? 1 : 0);
  if (signed.pass) {
    encoding.writeVarString(encoder, signed.pass.role);
    encoding.writeVarString(encoder, signed.pass.signature);
  }
}

/** Reads an envelope; throws on a malformed one (the link refuses it, docLink.ts). */
export function readSignedUpdate(decoder: decoding.Decoder): SignedUpdate {
  const step = decoding.readVarUint(decoder);
  const update = decoding.readVarUint8Array(decoder);
  const device = decoding.readVarString(decoder);
  const signature = decoding.readVarUint8Array(decoder);
  const hasPass = decoding.readVarUint(decoder);
  let pass: Pass | null = null;
  if (hasPass === 1) {
    const role = decoding.readVarString(decoder);
    const passSignature = decoding.readVarString(decoder);
    if (!PASS_ROLES.has(role)) throw new Error(`a pass for an unknown role "${role}"`);
    pass = { role: role as Pass['role'], device, signature: passSignature };
  } else if (hasPass !== 0) {
    throw new Error('a malformed pass flag');
  }
  return { step, update, device, signature, pass };
}
