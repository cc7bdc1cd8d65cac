import type { Wire, WireHandlers } from './wire';

/**
 * A y-websocket-protocol server (y-websocket's own, or any engine that speaks it) as a Wire.
 * WebSocket frames have no 16 KiB problem, so messages go as they are.
 */
export class WebSocketWire implements Wire {
  private handlers: WireHandlers | null = null;
  private readonly early: Uint8Array[] = [];
  private finished = false;
  private readonly outbox: Uint8Array[] = [];

  constructor(
    readonly label: string,
    private readonly socket: WebSocket,
  ) {
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('open', () => {
      for (const message of this.outbox.splice(0)) socket.send(message as Uint8Array<ArrayBuffer>);
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      // A socket still hands over what arrives while it closes (Node's `ws` does): not ours now.
      if (this.finished || !(event.data instanceof ArrayBuffer)) return;
      const message = new Uint8Array(event.data);
      if (this.handlers) this.handlers.onMessage(message);
      else this.early.push(message);
    });
    socket.addEventListener('close', () => this.finish());
    socket.addEventListener('error', () => this.finish());
  }

  get queuedBytes(): number {
    return this.socket.bufferedAmount;
  }

  listen(handlers: WireHandlers): void {
    this.handlers = handlers;
    for (const message of this.early.splice(0)) handlers.onMessage(message);
  }

  send(message: Uint8Array): void {
    if (this.finished) return;
    if (this.socket.readyState === WebSocket.OPEN)
      this.socket.send(message as Uint8Array<ArrayBuffer>);
    else this.outbox.push(message);
  }

  close(): void {
    this.socket.close();
    this.finish();
  }

  private finish() {
    if (this.finished) return;
    this.finished = true;
    this.handlers?.onClose();
  }
}

/** The room's URL on a server: the room id is the last path segment (y-websocket's rule). */
export function serverRoomUrl(serverUrl: string, roomId: string): string {
  const url = new URL(serverUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(roomId)}`;
  return url.toString();
}
