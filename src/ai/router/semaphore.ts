/**
 * At most `limit` calls at once to one provider (a home GPU does one image at a time; cloud
 * APIs rate-limit bursts). Waiters are served in order; a waiter whose signal fires leaves the line.
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private limit: number) {}

  setLimit(limit: number): void {
    this.limit = Math.max(1, limit);
    this.pump();
  }

  get active(): number {
    return this.running;
  }

  acquire(signal: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const start = () => {
        signal.removeEventListener('abort', leave);
        this.running++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.running--;
          this.pump();
        });
      };
      const leave = () => {
        const at = this.waiting.indexOf(start);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', leave, { once: true });
      this.waiting.push(start);
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.limit && this.waiting.length > 0) this.waiting.shift()?.();
  }
}
