import { z } from 'zod';
import { PARTICIPANT_COLORS, PARTICIPANT_NAME_MAX_CHARS } from '../model/participant';
import { collabTables, type CollabDb } from './collabTables';
import type { FramelineDb } from './db';
import { observe } from './live';

/**
 * How this browser connects to collaborators, and who it says it is. Local only.
 *
 * - `signaling`: y-webrtc signaling servers. There is no dependable public one (y-webrtc#43), so
 *   the default is one you run yourself (`npm run signal`, port 4444).
 * - `iceServers`: STUN/TURN for peers behind NATs; empty means host candidates only (a LAN).
 * - `transport`: `peer` (WebRTC mesh) or `server` (a y-websocket-protocol server at `serverUrl`,
 *   for larger teams or access control the mesh cannot give).
 */
export interface IceServer {
  readonly urls: readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

export interface CollabSettings {
  readonly signaling: readonly string[];
  readonly iceServers: readonly IceServer[];
  readonly transport: 'peer' | 'server';
  readonly serverUrl: string;
}

export interface Profile {
  readonly name: string;
  readonly color: string;
}

export const DEFAULT_SIGNALING_URL = 'ws://127.0.0.1:4444';

export const DEFAULT_COLLAB_SETTINGS: CollabSettings = {
  signaling: [DEFAULT_SIGNALING_URL],
  iceServers: [],
  transport: 'peer',
  serverUrl: '',
};

const wsUrl = z.string().regex(/^wss?:\/\/\S+$/);

export const iceServerSchema = z.object({
  urls: z.array(z.string().regex(/^(stun|stuns|turn|turns):\S+$/)).min(1),
  username: z.string().optional(),
  credential: z.string().optional(),
});

const settingsSchema = z.object({
  signaling: z.array(wsUrl).max(8),
  iceServers: z.array(iceServerSchema).max(8),
  transport: z.enum(['peer', 'server']),
  serverUrl: z.union([wsUrl, z.literal('')]),
});

const profileSchema = z.object({
  name: z.string().trim().min(1).max(PARTICIPANT_NAME_MAX_CHARS),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

const SETTINGS_KEY = 'settings';
const PROFILE_KEY = 'profile';

/** Anything a setting field could hold that fails validation, with a message naming it. */
export class SettingsError extends Error {}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`;
}

export class CollabSettingsStore {
  private readonly db: CollabDb;

  constructor(db: FramelineDb) {
    this.db = collabTables(db);
  }

  async getSettings(): Promise<CollabSettings> {
    const stored = (await this.db.collabSettings.get(SETTINGS_KEY))?.value;
    const parsed = settingsSchema.safeParse({ ...DEFAULT_COLLAB_SETTINGS, ...(stored ?? {}) });
    return parsed.success ? (parsed.data as CollabSettings) : DEFAULT_COLLAB_SETTINGS;
  }

  /** Validates and saves; throws SettingsError naming the bad field. */
  async setSettings(patch: Partial<CollabSettings>): Promise<CollabSettings> {
    const next = { ...(await this.getSettings()), ...patch };
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) throw new SettingsError(describe(parsed.error));
    await this.db.collabSettings.put({ key: SETTINGS_KEY, value: parsed.data });
    return parsed.data as CollabSettings;
  }

  watchSettings(onValue: (settings: CollabSettings) => void): () => void {
    return observe(() => this.getSettings(), onValue);
  }

  private async readProfile(): Promise<Profile | null> {
    const parsed = profileSchema.safeParse((await this.db.collabSettings.get(PROFILE_KEY))?.value);
    return parsed.success ? parsed.data : null;
  }

  /** The profile, made on first use with a placeholder name and a random colour. */
  async getProfile(): Promise<Profile> {
    const stored = await this.readProfile();
    if (stored) return stored;
    // Read again and made in one transaction: several views ask at once when a project opens,
    // and each making its own would leave the last one's random name, over a name typed since.
    return this.db.transaction('rw', this.db.collabSettings, async () => {
      const now = await this.readProfile();
      if (now) return now;
      const profile: Profile = {
        name: `Guest ${1 + Math.floor(Math.random() * 998)}`,
        color:
          PARTICIPANT_COLORS[Math.floor(Math.random() * PARTICIPANT_COLORS.length)] ?? '#3d7fd9',
      };
      await this.db.collabSettings.put({ key: PROFILE_KEY, value: profile });
      return profile;
    });
  }

  async setProfile(profile: Profile): Promise<Profile> {
    const parsed = profileSchema.safeParse(profile);
    if (!parsed.success) throw new SettingsError(describe(parsed.error));
    await this.db.collabSettings.put({ key: PROFILE_KEY, value: parsed.data });
    return parsed.data;
  }

  /** Calls back with the profile now and on every change (made first: a live query only reads). */
  watchProfile(onValue: (profile: Profile) => void): () => void {
    let stop = () => {};
    let stopped = false;
    void this.getProfile().then(() => {
      if (stopped) return;
      stop = observe(
        () => this.readProfile(),
        (profile) => profile && onValue(profile),
      );
    });
    return () => {
      stopped = true;
      stop();
    };
  }
}
