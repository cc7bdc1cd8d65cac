import type { Wire, WireHandlers } from './wire';

/**
 * Two connected in-memory wires (the test seam, STYLE §8). Messages are delivered on a later
 * task, like a network; with `manual`, only when the test calls `deliver()` on the receiving
 * end. `cut()` drops the connection both ways (whatever was in flight is lost).
 */
/** Messages sent on automatic memory wires and not yet delivered (or dropped), across all. */
let inFlight = 0;

/** Resolves once no message is travelling on any automatic memory wire. */
export async function memoryWiresSettled(timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  do {
    await new Promise((resolve) => setTimeout(resolve, 1));
  } while (inFlight > 0 && Date.now() - started < timeoutMs);
}

export function memoryWirePair(
  labels: readonly [string, string] = ['a', 'b'],
  options: { readonly manual?: boolean } = {},
): [MemoryWire, MemoryWire] {
  const a = new MemoryWire(labels[0], options.manual);
  const b = new MemoryWire(labels[1], options.manual);
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
  /** Messages waiting for `deliver()` (manual wires only). */
  private readonly inbox: Uint8Array[] = [];

  constructor(
    readonly label: string,
    private readonly manual = false,
  ) {}

  listen(handlers: WireHandlers): void {
    this.handlers = handlers;
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    this.sent.push(message);
    const copy = message.slice();
    const target = this.other;
    if (this.manual) {
      target?.inbox.push(copy);
      return;
    }
    inFlight++;
    setTimeout(() => {
      inFlight--;
      target?.receive(copy);
    }, 0);
  }

  /** Hands up to `count` waiting messages to this end's handler (manual wires). */
  deliver(count = Number.POSITIVE_INFINITY): number {
    let delivered = 0;
    while (delivered < count && this.inbox.length > 0 && !this.closed) {
      this.receive(this.inbox.shift() as Uint8Array);
      delivered++;
    }
    return delivered;
  }

  get waiting(): number {
    return this.inbox.length;
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
