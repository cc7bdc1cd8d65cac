/**
 * A two-way pipe of whole binary messages between this tab and one other party: a WebRTC data
 * channel to a peer, a BroadcastChannel to the other tabs, a WebSocket to a y-websocket server,
 * or an in-memory pair in tests. The sync protocol (docLink.ts) and the asset transfer
 * (assets/) speak over it and never know which. Every wire passes one contract suite
 * (tests/wire-contract/contract.ts, run in wireContract.test.ts).
 */
export interface Wire {
  /** Who is at the other end, for logs and the sync problems list. */
  readonly label: string;
  /** Queues one message; a wire with a size limit chunks it (see frames.ts). */
  send(message: Uint8Array): void;
  /** Registers the handlers; a wire delivers nothing before this is called. */
  listen(handlers: WireHandlers): void;
  /**
   * Closes this end; `onClose` fires once, whichever end closed or if the connection dropped,
   * and nothing is delivered after it. The other end hears it where the transport can tell
   * (a BroadcastChannel cannot).
   */
  close(): void;
  /** Bytes accepted by `send` and not yet handed to the transport. */
  readonly queuedBytes: number;
}

export interface WireHandlers {
  readonly onMessage: (message: Uint8Array) => void;
  readonly onClose: () => void;
}
