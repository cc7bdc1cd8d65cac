import { Awareness } from 'y-protocols/awareness';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import type { IceServer } from '../store/collabSettings';
import { DataChannelWire } from './dataChannelWire';

/**
 * Peers over WebRTC. y-webrtc does what it is good at: finding peers through the signaling
 * servers, with the room secret as its password (signaling is encrypted with it, so a peer with
 * another secret never gets a connection), and setting up the RTCPeerConnections. It is given
 * an empty stand-in document, and its own data channel is muted: our document travels on two
 * extra channels of the same connection (one for the document, one for frames), where every
 * message is ≤ 16 KiB and every update is checked before it is applied (docLink.ts). y-webrtc
 * would apply whatever a peer sends, whole, in one message.
 */
export interface MeshOptions {
  readonly roomId: string;
  readonly secret: string;
  readonly signaling: readonly string[];
  readonly iceServers: readonly IceServer[];
}

export interface PeerChannels {
  readonly peerId: string;
  readonly doc: DataChannelWire;
  readonly assets: DataChannelWire;
}

/** Negotiated on both ends with fixed ids; y-webrtc's own channel gets 0 or 1. */
const DOC_CHANNEL_ID = 200;
const ASSET_CHANNEL_ID = 201;

interface SimplePeerLike {
  emit(event: string, ...args: unknown[]): boolean;
  _pc: RTCPeerConnection;
}

interface ConnLike {
  readonly peer: SimplePeerLike;
}

export class WebrtcMesh {
  private readonly provider: WebrtcProvider;
  private readonly standIn = new Y.Doc();
  private readonly standInAwareness = new Awareness(this.standIn);
  private readonly peers = new Map<string, { conn: ConnLike; channels: PeerChannels }>();
  private wrongSecretKnocks = 0;

  constructor(
    options: MeshOptions,
    private readonly onPeer: (channels: PeerChannels) => void,
    private readonly onChange: () => void,
  ) {
    this.standInAwareness.setLocalState(null);
    this.provider = new WebrtcProvider(options.roomId, this.standIn, {
      signaling: [...options.signaling],
      password: options.secret,
      awareness: this.standInAwareness,
      filterBcConns: true,
      peerOpts: {
        config: { iceServers: options.iceServers.map((s) => ({ ...s, urls: [...s.urls] })) },
      },
    });
    this.provider.on('peers', this.onPeers);
    window.addEventListener('unhandledrejection', this.onRejection);
  }

  /** Whether any signaling server is connected right now. */
  get signalingConnected(): boolean {
    return this.provider.signalingConns.some(
      (conn: { connected?: boolean }) => conn.connected === true,
    );
  }

  /** Signaling messages we could not decrypt: someone in the room id with another secret. */
  get wrongSecretAttempts(): number {
    return this.wrongSecretKnocks;
  }

  /** Closes every connection and waits until y-webrtc has let go of the room name. */
  async destroy(): Promise<void> {
    window.removeEventListener('unhandledrejection', this.onRejection);
    this.provider.off('peers', this.onPeers);
    for (const { channels } of this.peers.values()) {
      channels.doc.close();
      channels.assets.close();
    }
    this.peers.clear();
    this.provider.destroy();
    // y-webrtc frees the room name once its key promise settles; a provider for the same room
    // made before that would throw ("already exists"), so the caller waits for this.
    await this.provider.key;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.standInAwareness.destroy();
    this.standIn.destroy();
  }

  private readonly onPeers = (event: { added: string[]; removed: string[] }) => {
    const conns = this.provider.room?.webrtcConns as Map<string, ConnLike> | undefined;
    for (const id of event.removed) this.drop(id);
    for (const id of event.added) {
      const conn = conns?.get(id);
      if (conn) this.attach(id, conn);
    }
    this.onChange();
  };

  private attach(peerId: string, conn: ConnLike) {
    const known = this.peers.get(peerId);
    if (known?.conn === conn) return;
    if (known) this.drop(peerId);
    const peer = conn.peer;
    // Mute y-webrtc's channel: it carries only the stand-in document, and nothing a peer sends
    // there should reach Yjs unchecked.
    const emit = peer.emit.bind(peer);
    peer.emit = (name: string, ...args: unknown[]) =>
      name === 'data' ? false : emit(name, ...args);
    const pc = peer._pc;
    const open = (label: string, id: number) =>
      new DataChannelWire(
        peerId,
        pc.createDataChannel(label, { negotiated: true, id, ordered: true }),
      );
    const channels: PeerChannels = {
      peerId,
      doc: open('frameline-doc', DOC_CHANNEL_ID),
      assets: open('frameline-assets', ASSET_CHANNEL_ID),
    };
    this.peers.set(peerId, { conn, channels });
    this.onPeer(channels);
  }

  /** The peer connection is gone; closing it locally fires no close events, so say it here. */
  private drop(peerId: string) {
    const known = this.peers.get(peerId);
    if (!known) return;
    this.peers.delete(peerId);
    known.channels.doc.close();
    known.channels.assets.close();
  }

  private readonly onRejection = (event: PromiseRejectionEvent) => {
    const reason = event.reason as { name?: string } | null;
    if (reason?.name !== 'OperationError') return;
    // y-webrtc decrypts every signaling message of the room and does not catch a failure: that
    // is a message sealed with another secret. Count it instead of reporting an app error.
    event.preventDefault();
    this.wrongSecretKnocks++;
    this.onChange();
  };
}
