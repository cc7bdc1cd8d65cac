import type { Wire, WireHandlers } from './wire';

/**
 * The other tabs of this browser that have the same room open, as one Wire: a BroadcastChannel
 * reaches all of them at once, which the sync protocol is happy with (every tab answers, Yjs
 * ignores what it already has). No size limit, no network. The channel name includes a digest of
 * the secret, so a tab holding the same room id with another secret hears nothing.
 */
export class BroadcastWire implements Wire {
  readonly label = 'other tabs';
  readonly queuedBytes = 0;
  private readonly channel: BroadcastChannel;
  private handlers: WireHandlers | null = null;
  private closed = false;

  constructor(channelName: string) {
    this.channel = new BroadcastChannel(channelName);
    this.channel.onmessage = (event: MessageEvent) => {
      if (event.data instanceof Uint8Array) this.handlers?.onMessage(event.data);
    };
  }

  listen(handlers: WireHandlers): void {
    this.handlers = handlers;
  }

  send(message: Uint8Array): void {
    if (!this.closed) this.channel.postMessage(message);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.channel.close();
    this.handlers?.onClose();
  }
}

/** `frameline:<room>:<first 16 hex of SHA-256(room + secret)>` */
export async function broadcastChannelName(roomId: string, secret: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${roomId}\n${secret}`),
  );
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `frameline:${roomId}:${hex.slice(0, 16)}`;
}
