import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { AssetHash } from '../model/ids';
import type { Participant } from '../model/participant';
import type { PresenceCursor, PresenceState, PresenceStroke } from '../model/presence';
import type { ShotId } from '../model/ids';
import { notifyAssetStored } from '../store/assetEvents';
import type { AssetStore } from '../store/assets';
import type { IceServer } from '../store/collabSettings';
import { openAssetChannel } from './assets/assetChannel';
import { AssetFetcher } from './assets/assetFetcher';
import type { AssetSource } from './assets/assetServer';
import { projectAssetHashes } from './assets/projectAssets';
import { BroadcastWire, broadcastChannelName } from './broadcastWire';
import { ServerConnection } from './serverConnection';
import { SyncHub } from './syncHub';
import { SyncLog } from './syncLog';
import type { WebrtcMesh } from './webrtcMesh';

export interface RoomConfig {
  readonly roomId: string;
  readonly secret: string;
  readonly transport: 'peer' | 'server';
  readonly signaling: readonly string[];
  readonly iceServers: readonly IceServer[];
  readonly serverUrl: string;
}

export interface RoomStatus {
  readonly transport: 'peer' | 'server';
  /** Peer mode: a signaling server answers. Server mode: the server is connected. */
  readonly reachable: boolean;
  /** Peers (or the server) we have a document link with, and how many of those caught up. */
  readonly links: number;
  readonly syncedLinks: number;
  readonly wrongSecretAttempts: number;
  readonly missingAssets: number;
  readonly receivingAssets: number;
}

/** After edits stop for this long, the list of frames to fetch is worked out again. */
const WANTED_DEBOUNCE_MS = 300;
/** How often the status line looks at signaling (y-webrtc has no event we could use). */
const STATUS_POLL_MS = 1_000;
const OTHER_TABS = 'other tabs';
/** The last presence clock each document's client used, across rooms opened in this tab. */
const presenceClocks = new WeakMap<Y.Doc, number>();

/**
 * A project shared in a room, for as long as it is open in this tab: the document synced with
 * the other tabs (BroadcastChannel) and with peers (WebRTC mesh) or a server (y-websocket
 * protocol); presence; frames fetched from peers that have them. One per room per tab
 * (roomRegistry.ts): y-webrtc throws on a second one.
 */
export class CollabRoom {
  readonly log = new SyncLog();
  readonly awareness: Awareness;
  readonly hub: SyncHub;
  private readonly fetcher: AssetFetcher;
  private readonly source: AssetSource;
  private mesh: WebrtcMesh | null = null;
  private server: ServerConnection | null = null;
  private tabs: BroadcastWire | null = null;
  private status: RoomStatus;
  private readonly listeners = new Set<() => void>();
  private servable = new Set<AssetHash>();
  private wantedTimer: ReturnType<typeof setTimeout> | null = null;
  private statusTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(
    readonly config: RoomConfig,
    private readonly doc: Y.Doc,
    assets: AssetStore,
    user: Participant,
  ) {
    this.awareness = new Awareness(doc);
    // Peers keep the last presence clock they saw from this client id (the document's) and ignore
    // anything older: a room reopened in this tab (offline, then online) continues the count.
    const lastClock = presenceClocks.get(doc);
    if (lastClock !== undefined) {
      this.awareness.meta.set(doc.clientID, { clock: lastClock, lastUpdated: Date.now() });
    }
    this.awareness.setLocalState({ user, shotId: null, cursor: null } satisfies PresenceState);
    this.hub = new SyncHub(doc, this.awareness, this.log);
    this.fetcher = new AssetFetcher(
      {
        has: (hash) => assets.has(hash),
        put: (bytes, mime) => assets.put(bytes, mime),
        stored: (hash) => {
          notifyAssetStored(hash);
          this.refreshStatus();
        },
      },
      this.log,
    );
    this.source = {
      canServe: (hash) => this.servable.has(hash),
      read: async (hash) => {
        const blob = await assets.get(hash);
        if (!blob) return null;
        return {
          bytes: new Uint8Array(await blob.arrayBuffer()),
          mime: blob.type || 'application/octet-stream',
        };
      },
    };
    this.status = this.computeStatus();
  }

  async start(): Promise<void> {
    const { roomId, secret } = this.config;
    this.tabs = new BroadcastWire(await broadcastChannelName(roomId, secret));
    if (this.stopped) return this.tabs.close();
    this.hub.attach(this.tabs);
    if (this.config.transport === 'server' && this.config.serverUrl) {
      this.server = new ServerConnection(this.hub, this.config.serverUrl, roomId, () =>
        this.refreshStatus(),
      );
    } else {
      // y-webrtc and simple-peer load when a room opens, not with the app shell.
      const { WebrtcMesh } = await import('./webrtcMesh');
      if (this.stopped) return;
      this.mesh = new WebrtcMesh(
        { roomId, secret, signaling: this.config.signaling, iceServers: this.config.iceServers },
        (channels) => {
          this.hub.attach(channels.doc);
          openAssetChannel(channels.assets, this.fetcher, this.source, this.log);
        },
        () => this.refreshStatus(),
      );
    }
    this.doc.on('update', this.onDocUpdate);
    this.hub.subscribe(() => this.refreshStatus());
    this.log.subscribe(() => this.refreshStatus());
    this.statusTimer = setInterval(() => this.refreshStatus(), STATUS_POLL_MS);
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('pageshow', this.onPageShow);
    this.updateWanted();
  }

  /** Leaves: presence removed at once for everyone, connections closed, y-webrtc released. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('pageshow', this.onPageShow);
    this.doc.off('update', this.onDocUpdate);
    if (this.wantedTimer) clearTimeout(this.wantedTimer);
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.hub.destroy();
    const clock = this.awareness.meta.get(this.doc.clientID)?.clock;
    if (clock !== undefined) presenceClocks.set(this.doc, clock);
    this.fetcher.stop();
    this.server?.stop();
    await this.mesh?.destroy();
    this.awareness.destroy();
    this.listeners.clear();
  }

  setUser(user: Participant): void {
    this.patchPresence({ user });
  }

  setSelectedShot(shotId: ShotId | null): void {
    this.patchPresence({ shotId });
  }

  setCursor(cursor: PresenceCursor | null): void {
    this.patchPresence({ cursor });
  }

  /** The stroke being drawn in the frame editor, or null when the pen is up (callers throttle). */
  setLiveStroke(drawing: PresenceStroke | null): void {
    this.patchPresence({ drawing });
  }

  getStatus = (): RoomStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private patchPresence(patch: Partial<PresenceState>) {
    if (this.stopped) return;
    const current = this.awareness.getLocalState() as PresenceState | null;
    if (!current) return;
    this.awareness.setLocalState({ ...current, ...patch });
  }

  private readonly onDocUpdate = () => {
    if (this.wantedTimer) return;
    this.wantedTimer = setTimeout(() => {
      this.wantedTimer = null;
      this.updateWanted();
    }, WANTED_DEBOUNCE_MS);
  };

  private updateWanted() {
    this.servable = projectAssetHashes(this.doc);
    this.fetcher.setWanted(this.servable);
    this.refreshStatus();
  }

  private hiddenPresence: PresenceState | null = null;

  private readonly onPageHide = () => {
    // Say goodbye now: the tab may never run another line.
    this.hiddenPresence = this.awareness.getLocalState() as PresenceState | null;
    this.awareness.setLocalState(null);
  };

  private readonly onPageShow = (event: PageTransitionEvent) => {
    // Back from the back/forward cache: the peers forgot us, introduce ourselves again.
    if (event.persisted && !this.stopped && this.hiddenPresence) {
      this.awareness.setLocalState(this.hiddenPresence);
    }
  };

  private computeStatus(): RoomStatus {
    const links = this.hub.getLinks().filter((link) => link.label !== OTHER_TABS);
    const progress = this.fetcher.progress();
    return {
      transport: this.config.transport,
      reachable: this.server ? this.server.connected : (this.mesh?.signalingConnected ?? false),
      links: links.length,
      syncedLinks: links.filter((link) => link.synced).length,
      wrongSecretAttempts: this.mesh?.wrongSecretAttempts ?? 0,
      missingAssets: progress.missing,
      receivingAssets: progress.receiving,
    };
  }

  private refreshStatus() {
    if (this.stopped) return;
    const next = this.computeStatus();
    const same = (Object.keys(next) as (keyof RoomStatus)[]).every(
      (k) => next[k] === this.status[k],
    );
    if (same) return;
    this.status = next;
    for (const listener of this.listeners) listener();
  }
}
