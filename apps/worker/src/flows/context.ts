import type { WorkerEnv } from "@icp/config";
import type { Db, Flow as FailureFlow } from "@icp/db";
import type { JobSettings } from "@icp/domain";
import type { Logger, Metrics } from "@icp/observability";
import type { OrderLedger, StorefrontOrderStatus } from "@icp/orders";
import type { ReadModel } from "@icp/read-model";
import type { ConnectionOptions } from "bullmq";
import type { Admin, Kafka, Producer } from "kafkajs";
import type { PoisonMessage } from "../bridge/topic-to-queue";
import type { BridgeRegistry } from "../replay/bridge-control";
import type { SapPorts } from "../sap";
import type { notifyStorefront } from "../webhooks/webhooks";

export interface WorkerOptions {
  /** Consumer group suffix, so tests can run isolated groups against the shared topics. */
  groupSuffix?: string;
  /** Skip the HTTP server (tests running several workers in one process). */
  http?: boolean;
  orderAttempts?: number;
  orderBackoffMs?: number;
  concurrency?: number;
  /** BullMQ lock on an order job: after a crash, another worker takes the job over when it expires. */
  lockDurationMs?: number;
  /** This process's name in order claims (default: host and pid). */
  workerId?: string;
}

export type Notify = (event: Parameters<typeof notifyStorefront>[1]) => Promise<number>;

/** What every flow is started with: the process's connections and the order owner. */
export interface WorkerContext {
  env: WorkerEnv;
  opts: WorkerOptions;
  logger: Logger;
  metrics: Metrics;
  db: Db;
  rm: ReadModel;
  kafka: Kafka;
  producer: Producer;
  admin: Admin;
  connection: ConnectionOptions;
  sap: SapPorts;
  ledger: OrderLedger;
  storefrontStatus: StorefrontOrderStatus;
  notify: Notify;
  /** Job options from configuration, for every job definition. */
  jobSettings: JobSettings;
  /** `.suffix` for consumer groups, or "". */
  groupSuffix: string;
  /** This process's Kafka → queue bridges by consumer group: a GROUP replay stops and starts them. */
  bridges: BridgeRegistry;
  /** A dead-letter handler for a flow: counts and records the poison message. */
  deadLetter(flow: FailureFlow): (p: PoisonMessage) => Promise<void>;
}

/** A running flow: consumers, workers and timers it opened, and how to stop them. */
export interface RunningFlow {
  close(): Promise<void>;
}
