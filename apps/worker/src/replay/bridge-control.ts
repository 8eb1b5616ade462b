import { BRIDGE_CONTROL_CHANNEL, type BridgeControl, bridgeControlSchema } from "@icp/domain";
import type { Logger } from "@icp/observability";
import { Redis } from "ioredis";

/** What a GROUP replay needs of a Kafka → queue bridge (TopicToQueue). */
export interface ControllableBridge {
  readonly groupId: string;
  readonly isStopped: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  markReplay(runId: string, until: Record<string, string>): void;
}

/**
 * This process's bridges by consumer group, driven by the replay runner over Redis pub/sub so
 * that every worker process stops (and starts) its members of a group, not only the one running
 * the replay. A stop holds a lease: if no start follows (the runner died), the bridges start
 * again on their own when it runs out, so a group is never left without consumers.
 */
export class BridgeRegistry {
  private readonly bridges = new Map<string, ControllableBridge[]>();
  private readonly leases = new Map<string, NodeJS.Timeout>();
  private subscriber: Redis | undefined;

  constructor(private readonly logger: Logger) {}

  register(bridge: ControllableBridge): void {
    this.bridges.set(bridge.groupId, [...(this.bridges.get(bridge.groupId) ?? []), bridge]);
  }

  /** Bridges of this process in `group`. */
  of(group: string): ControllableBridge[] {
    return this.bridges.get(group) ?? [];
  }

  async handle(msg: BridgeControl): Promise<void> {
    const local = this.of(msg.group);
    if (local.length === 0) return;
    const lease = this.leases.get(msg.group);
    if (lease) clearTimeout(lease);
    this.leases.delete(msg.group);
    if (msg.action === "stop") {
      this.logger.info(
        { "kafka.group": msg.group, "replay.run_id": msg.runId },
        "consumers stopped for a replay",
      );
      await Promise.all(local.map((b) => b.stop()));
      const timer = setTimeout(() => {
        this.leases.delete(msg.group);
        this.logger.warn(
          { "kafka.group": msg.group, "replay.run_id": msg.runId },
          "replay did not start the consumers again in time: starting them",
        );
        void Promise.all(local.map((b) => b.start())).catch((err: unknown) =>
          this.logger.error({ err }, "could not start consumers after a replay's lease"),
        );
      }, msg.leaseMs);
      timer.unref();
      this.leases.set(msg.group, timer);
      return;
    }
    for (const b of local) if (msg.until) b.markReplay(msg.runId, msg.until);
    await Promise.all(local.filter((b) => b.isStopped).map((b) => b.start()));
    this.logger.info(
      { "kafka.group": msg.group, "replay.run_id": msg.runId },
      "consumers started after a replay",
    );
  }

  /** Listen on the control channel (one subscriber connection per process). */
  async listen(redisUrl: string): Promise<void> {
    const sub = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber = sub;
    sub.on("error", (err) => this.logger.warn({ err }, "bridge control subscriber error"));
    sub.on("message", (_channel, raw) => {
      let parsed: ReturnType<typeof bridgeControlSchema.safeParse>;
      try {
        parsed = bridgeControlSchema.safeParse(JSON.parse(raw));
      } catch {
        return;
      }
      if (!parsed.success) return;
      void this.handle(parsed.data).catch((err: unknown) =>
        this.logger.error({ err, action: parsed.data?.action }, "bridge control failed"),
      );
    });
    await sub.subscribe(BRIDGE_CONTROL_CHANNEL);
  }

  async close(): Promise<void> {
    for (const t of this.leases.values()) clearTimeout(t);
    this.leases.clear();
    this.subscriber?.disconnect();
  }
}

/** Send a control message to every worker process (how many listened). */
export async function publishBridgeControl(redis: Redis, msg: BridgeControl): Promise<number> {
  return redis.publish(BRIDGE_CONTROL_CHANNEL, JSON.stringify(bridgeControlSchema.parse(msg)));
}
