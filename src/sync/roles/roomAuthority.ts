import type * as Y from 'yjs';
import type { DeviceKey } from '../../store/deviceKey';
import { makePass, verifyPass, type Pass } from './pass';
import { checkCommenterUpdate, checkViewerUpdate, type ScopeResult } from './reviewScope';
import type { RoomRole, RoomRoles } from './roomRoles';
import { signUpdate, verifyUpdateSignature, type SignedUpdate } from './signedUpdate';

/** Who vouched for an update, once both signatures are checked. */
export type Voucher =
  | { readonly ok: true; readonly role: RoomRole; readonly device: string }
  | { readonly ok: false; readonly reason: string };

/**
 * This device's standing in a room with roles, and the checks on everyone else's: it signs what
 * this device sends (with the pass its link's role key made) and decides, for what arrives,
 * whose it is (device signature, then pass) and whether that role may make that change.
 */
export class RoomAuthority {
  private constructor(
    readonly roomId: string,
    readonly roles: RoomRoles,
    private readonly key: DeviceKey,
    private readonly pass: Pass | null,
  ) {}

  static async create(roomId: string, roles: RoomRoles, key: DeviceKey): Promise<RoomAuthority> {
    return new RoomAuthority(roomId, roles, key, await makePass(roomId, roles, key.publicKey));
  }

  get role(): RoomRole {
    return this.roles.role;
  }

  async seal(step: number, update: Uint8Array): Promise<SignedUpdate> {
    const signature = await signUpdate(this.roomId, this.key, update);
    return { step, update, device: this.key.publicKey, signature, pass: this.pass };
  }

  /** Checks the device's signature and its pass; an update without a pass is a viewer's. */
  async vouch(signed: SignedUpdate): Promise<Voucher> {
    if (!(await verifyUpdateSignature(this.roomId, signed))) {
      return { ok: false, reason: 'an update whose signature does not match its bytes' };
    }
    if (!signed.pass) return { ok: true, role: 'view', device: signed.device };
    if (!(await verifyPass(this.roomId, this.roles.charter, signed.pass))) {
      const article = signed.pass.role === 'edit' ? 'an' : 'a';
      return { ok: false, reason: `${article} ${signed.pass.role} pass this room did not issue` };
    }
    return { ok: true, role: signed.pass.role, device: signed.device };
  }

  /** Whether the vouched role may make this change to the document as it is now. */
  permits(voucher: Extract<Voucher, { ok: true }>, update: Uint8Array, doc: Y.Doc): ScopeResult {
    if (voucher.role === 'edit') return { ok: true };
    if (voucher.role === 'comment') return checkCommenterUpdate(update, doc, voucher.device);
    return checkViewerUpdate(update, doc);
  }
}
