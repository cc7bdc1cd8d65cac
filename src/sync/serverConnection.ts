import type { SyncHub } from './syncHub';
import { serverRoomUrl, WebSocketWire } from './websocketWire';

/** Waits between reconnect attempts: doubling from the first to the last, then staying there. */
export const SERVER_RETRY_FIRST_MS = 1_000;
export const SERVER_RETRY_MAX_MS = 30_000;

/**
 * The document connected to a y-websocket-protocol server, reconnecting with backoff until
 * stopped. Each connection is a fresh link: sync step 1/2 catches both sides up.
 */
export class ServerConnection {
  private wire: WebSocketWire | null = null;
  private retryMs = SERVER_RETRY_FIRST_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  connected = false;

  constructor(
    private readonly hub: SyncHub,
    private readonly serverUrl: string,
    private readonly roomId: string,
    private readonly onChange: () => void,
  ) {
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wire?.close();
  }

  private open() {
    if (this.stopped) return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(serverRoomUrl(this.serverUrl, this.roomId));
    } catch (error) {
      this.hub.log.report(this.serverUrl, `cannot connect: ${String(error)}`);
      return;
    }
    const wire = new WebSocketWire(this.serverUrl, socket);
    this.wire = wire;
    socket.addEventListener('open', () => {
      this.connected = true;
      this.retryMs = SERVER_RETRY_FIRST_MS;
      this.onChange();
    });
    socket.addEventListener('close', () => {
      this.connected = false;
      this.onChange();
      if (this.stopped) return;
      this.timer = setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, SERVER_RETRY_MAX_MS);
    });
    this.hub.attach(wire);
  }
}
