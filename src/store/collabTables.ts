import type { EntityTable } from 'dexie';
import type { ProjectId } from '../model/ids';
import type { FramelineDb } from './db';

/**
 * Row types of the collaboration tables (db.ts, version 4). All local to this browser: the room
 * secret, the profile and the device key never enter the Y.Doc (the profile travels only as
 * presence, the public key inside signed records).
 */

/** A project shared in a room. The secret is the room's password and gives edit access. */
export interface RoomRow {
  readonly projectId: ProjectId;
  readonly roomId: string;
  readonly secret: string;
  /** Signaling servers the invite named; null means "the ones in settings". */
  readonly signaling: readonly string[] | null;
  readonly joinedAt: number;
  /** False after "Go offline": the room is kept, nothing is sent until "Go online". */
  readonly online: boolean;
}

export interface CollabSettingRow {
  readonly key: string;
  readonly value: unknown;
}

/**
 * This browser's signing key (ECDSA P-256). The private key is a non-extractable CryptoKey:
 * IndexedDB stores it, script can sign with it, nothing can read its bytes.
 */
export interface DeviceKeyRow {
  readonly id: 'device';
  readonly privateKey: CryptoKey;
  /** The public key as a raw point, base64url: what signed records carry. */
  readonly publicKey: string;
  readonly createdAt: number;
}

/** When this browser last read a comment thread (unread markers are local). */
export interface ReadMarkerRow {
  /** `${projectId}:${threadId}` */
  readonly id: string;
  readonly projectId: ProjectId;
  readonly readAt: number;
}

/** An alternate cut: a project duplicated from another, and the family it belongs to. */
export interface ProjectLinkRow {
  readonly projectId: ProjectId;
  /** The project the family started from (the original cut), itself included. */
  readonly familyId: ProjectId;
  /** The project this one was duplicated from. */
  readonly parentId: ProjectId | null;
  readonly createdAt: number;
}

export type CollabDb = FramelineDb & {
  collabRooms: EntityTable<RoomRow, 'projectId'>;
  collabSettings: EntityTable<CollabSettingRow, 'key'>;
  deviceKeys: EntityTable<DeviceKeyRow, 'id'>;
  readMarkers: EntityTable<ReadMarkerRow, 'id'>;
  projectLinks: EntityTable<ProjectLinkRow, 'projectId'>;
};

/** The same database seen with its collaboration tables (declared in db.ts as version 4). */
export function collabTables(db: FramelineDb): CollabDb {
  return db as CollabDb;
}
