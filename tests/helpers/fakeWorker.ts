import * as Comlink from 'comlink';

/**
 * A stand-in for `new Worker(…)` in Node tests: Comlink talks to `api` over a real MessageChannel,
 * and the test can fire worker `error` events and see whether the worker was terminated.
 */
export class FakeWorker extends EventTarget {
  terminated = false;
  readonly #port: MessagePort;

  constructor(api: object) {
    super();
    const channel = new MessageChannel();
    Comlink.expose(api, channel.port2);
    this.#port = channel.port1;
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated) this.#port.postMessage(message, transfer);
  }

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.#port.addEventListener(type, listener as EventListener);
    else super.addEventListener(type, listener);
    this.#port.start();
  }

  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.#port.removeEventListener(type, listener as EventListener);
    else super.removeEventListener(type, listener);
  }

  terminate(): void {
    this.terminated = true;
    this.#port.close();
  }

  /** What a worker's uncaught error looks like to the page. */
  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}
