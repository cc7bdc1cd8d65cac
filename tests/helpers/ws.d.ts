// Minimal types for `ws` (installed with y-webrtc, without @types/ws): what the tests use.
declare module 'ws' {
  import type { IncomingMessage, Server } from 'node:http';
  import type { Duplex } from 'node:stream';

  export class WebSocket {
    static readonly OPEN: number;
    readonly readyState: number;
    binaryType: string;
    constructor(url: string);
    send(data: Uint8Array | string): void;
    close(code?: number, reason?: string): void;
    /** Destroys the connection at once, without a closing handshake. */
    terminate(): void;
    on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): this;
    on(event: 'close' | 'open' | 'pong', listener: () => void): this;
    ping(): void;
  }

  export class WebSocketServer {
    constructor(options: { noServer?: boolean; server?: Server; host?: string; port?: number });
    on(event: 'connection', listener: (socket: WebSocket, request: IncomingMessage) => void): this;
    handleUpgrade(
      request: IncomingMessage,
      socket: Duplex,
      head: Buffer,
      callback: (socket: WebSocket) => void,
    ): void;
    emit(event: 'connection', socket: WebSocket, request: IncomingMessage): boolean;
    close(): void;
    readonly clients: Set<WebSocket>;
  }
}
