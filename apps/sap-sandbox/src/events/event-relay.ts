import type { FastifyBaseLogger } from "fastify";
import type { SandboxStats } from "../stats";
import type { BusinessEventMessage, EventPublisher, InMemoryEventSink } from "./business-events";

/**
 * Hands business events to the publisher the way SAP's event middleware (Event Mesh queues)
 * does: kept and re-sent until the broker takes them, in order, so a broker restart delays
 * events, it does not lose them. Every event is also kept in `recent`, publisher or not.
 */
export class EventRelay {
  private pending: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly recent: InMemoryEventSink,
    private readonly stats: SandboxStats,
    private readonly log: FastifyBaseLogger,
    private readonly publisher?: EventPublisher,
  ) {}

  readonly emit = (messages: BusinessEventMessage[]): void => {
    if (messages.length === 0) return;
    void this.recent.publish(messages);
    this.stats.eventsPublished += messages.length;
    const publisher = this.publisher;
    if (publisher) this.pending = this.pending.then(() => this.publishUntilTaken(publisher, messages));
  };

  /** Resolves when every event emitted so far has been handed to the publisher. */
  flush(): Promise<void> {
    return this.pending;
  }

  /** A publish failing from now on is not retried (the sandbox is shutting down). */
  stopRetrying(): void {
    this.closed = true;
  }

  /** Stops retrying, waits for what is in flight and closes the publisher. */
  async close(): Promise<void> {
    this.stopRetrying();
    await this.pending;
    await this.publisher?.close();
  }

  private async publishUntilTaken(
    publisher: EventPublisher,
    messages: BusinessEventMessage[],
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await publisher.publish(messages);
        return;
      } catch (err) {
        this.stats.eventPublishFailures += messages.length;
        if (this.closed) return;
        this.log.warn({ err, attempt }, "business event publish failed; retrying");
        await new Promise((r) => setTimeout(r, Math.min(5_000, 200 * 2 ** Math.min(attempt, 5))));
      }
    }
  }
}
