import type { ErrorKind } from '../providers/errors';

/**
 * Stops calling a provider that keeps failing, for a while. After `failureThreshold` failures in
 * a row it is skipped for `cooldownMs`; then one trial call is let through: success closes the
 * breaker, failure opens it again. A refused key or spent quota opens it at once and for longer:
 * those do not fix themselves in seconds.
 */
export interface BreakerPolicy {
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  readonly longCooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerPolicy = {
  failureThreshold: 3,
  cooldownMs: 30_000,
  longCooldownMs: 10 * 60_000,
};

/** Failures that say nothing about the provider's health. */
const NEUTRAL: ReadonlySet<ErrorKind> = new Set(['cancelled', 'badRequest', 'unsupported']);
/** Failures that will not clear by themselves soon. */
const LASTING: ReadonlySet<ErrorKind> = new Set(['auth', 'quota', 'cors', 'locked']);

interface Circuit {
  failures: number;
  openUntil: number;
  /** A trial call is out after the cooldown; others still skip until it answers. */
  trialRunning: boolean;
}

export type BreakerState = 'closed' | 'open' | 'halfOpen';

export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();

  constructor(
    private readonly policy: BreakerPolicy = DEFAULT_BREAKER,
    private readonly now: () => number = Date.now,
  ) {}

  state(id: string): BreakerState {
    const circuit = this.circuits.get(id);
    if (!circuit || circuit.openUntil === 0) return 'closed';
    return this.now() < circuit.openUntil ? 'open' : 'halfOpen';
  }

  /** Whether a call may go out now; in half-open state, only the one trial call may. */
  tryPass(id: string): boolean {
    const state = this.state(id);
    if (state === 'closed') return true;
    if (state === 'open') return false;
    const circuit = this.circuits.get(id);
    if (!circuit || circuit.trialRunning) return false;
    circuit.trialRunning = true;
    return true;
  }

  /** Milliseconds until an open breaker lets a trial through (0 when not open). */
  remainingMs(id: string): number {
    const circuit = this.circuits.get(id);
    return circuit ? Math.max(0, circuit.openUntil - this.now()) : 0;
  }

  success(id: string): void {
    this.circuits.delete(id);
  }

  failure(id: string, kind: ErrorKind): void {
    const circuit = this.circuits.get(id) ?? { failures: 0, openUntil: 0, trialRunning: false };
    if (NEUTRAL.has(kind)) {
      circuit.trialRunning = false;
      this.circuits.set(id, circuit);
      return;
    }
    circuit.failures++;
    const wasTrial = circuit.trialRunning;
    circuit.trialRunning = false;
    if (LASTING.has(kind)) circuit.openUntil = this.now() + this.policy.longCooldownMs;
    else if (wasTrial || circuit.failures >= this.policy.failureThreshold)
      circuit.openUntil = this.now() + this.policy.cooldownMs;
    this.circuits.set(id, circuit);
  }

  /** Forget a provider's failures (its settings changed, so the past says nothing). */
  reset(id: string): void {
    this.circuits.delete(id);
  }
}
