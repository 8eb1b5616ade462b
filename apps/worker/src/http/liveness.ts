/**
 * The worker's liveness: its Kafka consumers' heartbeats. Each topic → queue bridge registers
 * when it starts and beats whenever its consumer shows it is alive (a group heartbeat, a fetch,
 * a batch, kafkajs restarting it after a crash); `/health/live` fails when a registered
 * consumer has not beaten for `staleAfterMs`, so Kubernetes restarts a pod whose consumer loop
 * is wedged or that kafkajs gave up on — not a pod whose stores are down (that is readiness).
 *
 * The threshold is generous (2 minutes by default): a live consumer beats every few seconds
 * (heartbeatInterval 3 s, also while it holds for backpressure), and kafkajs' own retries during
 * a broker outage keep beating through CRASH-with-restart events, so only a consumer that stopped
 * for good goes stale.
 */
export interface ConsumerAge {
  name: string;
  /** Milliseconds since its last beat. */
  ageMs: number;
}

export interface LivenessReport {
  ok: boolean;
  staleAfterMs: number;
  consumers: ConsumerAge[];
}

export class ConsumerHeartbeats {
  private readonly last = new Map<string, number>();

  constructor(
    readonly staleAfterMs = 120_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A consumer starts: it counts from now. */
  register(name: string): void {
    this.last.set(name, this.now());
  }

  /** The consumer showed it is alive. */
  beat(name: string): void {
    if (this.last.has(name)) this.last.set(name, this.now());
  }

  /** The consumer stopped on purpose (shutdown): it no longer counts. */
  unregister(name: string): void {
    this.last.delete(name);
  }

  report(): LivenessReport {
    const now = this.now();
    const consumers = [...this.last].map(([name, at]) => ({ name, ageMs: now - at }));
    return {
      ok: consumers.every((c) => c.ageMs <= this.staleAfterMs),
      staleAfterMs: this.staleAfterMs,
      consumers,
    };
  }
}

/** The process's consumers: what the bridges beat and `/health/live` reads unless given others. */
export const consumerHeartbeats = new ConsumerHeartbeats();
