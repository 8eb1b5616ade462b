import { circuitOpenError } from "./errors";

export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before letting a probe through. */
  openMs: number;
  /** Probes allowed at once while half-open. */
  halfOpenMaxCalls: number;
  now?: () => number;
  onStateChange?: (state: BreakerState) => void;
}

/**
 * Circuit breaker over SAP calls. Only failures that say "SAP is unwell" count (timeouts,
 * 5xx, connection errors) — a business error is SAP working fine. While open, calls fail fast
 * so a struggling SAP is not buried under retries.
 */
export class CircuitBreaker {
  private stateValue: BreakerState = "closed";
  private failures = 0;
  private openedAt = 0;
  private probes = 0;
  private readonly now: () => number;

  constructor(private readonly opts: BreakerOptions) {
    this.now = opts.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.stateValue === "open" && this.now() - this.openedAt >= this.opts.openMs) this.set("half-open");
    return this.stateValue;
  }

  /** Ask before a call; throws SAP_CIRCUIT_OPEN when the call must not go out. */
  acquire(): void {
    const s = this.state;
    if (s === "open") throw circuitOpenError();
    if (s === "half-open") {
      if (this.probes >= this.opts.halfOpenMaxCalls) throw circuitOpenError();
      this.probes++;
    }
  }

  success(): void {
    this.failures = 0;
    if (this.stateValue !== "closed") this.set("closed");
  }

  failure(): void {
    this.failures++;
    if (this.stateValue === "half-open" || this.failures >= this.opts.failureThreshold) {
      this.openedAt = this.now();
      this.set("open");
    }
  }

  /** A call that neither proves health nor sickness (e.g. a 4xx) releases its probe slot. */
  neutral(): void {
    if (this.stateValue === "half-open") this.success();
  }

  private set(state: BreakerState) {
    if (state === this.stateValue) return;
    this.stateValue = state;
    if (state !== "half-open") this.probes = 0;
    if (state === "half-open") this.probes = 0;
    this.opts.onStateChange?.(state);
  }
}
