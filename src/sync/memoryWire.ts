import type { Wire, WireHandlers } from './wire';

/**
 * Two connected in-memory wires (the test seam, STYLE §8). Messages are delivered on a later
 * task, like a network, unless `deliverNow` is set; `cut()` drops the connection both ways.
 */
export function memoryWirePair(
  labels: readonly [string, string] = ['a', 'b'],
  options: { readonly maxMessageBytes?: number } = {},
): [MemoryWire, MemoryWire] {
  const a = new MemoryWire(labels[0], options.maxMessageBytes);
  const b = new MemoryWire(labels[1], options.maxMessageBytes);
  a.other = b;
  b.other = a;
  return [a, b];
}

export class MemoryWire implements Wire {
  other: MemoryWire | null = null;
  private handlers: WireHandlers | null = null;
  private closed = false;
  /** Messages sent, for tests that inspect sizes. */
  readonly sent: Uint8Array[] = [];
  readonly queuedBytes = 0;

  constructor(
    readonly label: string,
    private readonly maxMessageBytes = Number.POSITIVE_INFINITY,
  ) {}

  listen(handlers: WireHandlers): void {
    this.handlers = handlers;
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    if (message.byteLength > this.maxMessageBytes) {
      throw new Error(`message of ${message.byteLength} bytes over the wire's limit`);
    }
    this.sent.push(message);
    const copy = message.slice();
    const target = this.other;
    setTimeout(() => target?.receive(copy), 0);
  }

  private receive(message: Uint8Array) {
    if (!this.closed) this.handlers?.onMessage(message);
  }

  close(): void {
    this.cut();
  }

  /** The connection drops: both ends see onClose. */
  cut(): void {
    for (const end of [this, this.other]) {
      if (!end || end.closed) continue;
      end.closed = true;
      end.handlers?.onClose();
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
