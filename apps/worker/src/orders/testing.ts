/**
 * Test data and small fakes for the order use cases' unit tests (`*.test.ts` beside them).
 * Nothing here talks to a server: each fake records what the use case asked of it.
 */
import type { OrderSubmitted } from "@icp/domain";
import { createLogger, type Logger } from "@icp/observability";
import type { OrderLedger } from "@icp/orders";

/** The ledger's row for an order, as `OrderLedger.find` answers it. */
export type Link = NonNullable<Awaited<ReturnType<OrderLedger["find"]>>>;

let seq = 0;
const next = () => String(++seq).padStart(4, "0");

export function anOrder(over: Partial<OrderSubmitted> = {}): OrderSubmitted {
  return {
    orderId: `SO-TEST-${next()}`,
    customerId: "1000001",
    currency: "EUR",
    lines: [{ sku: "TG-0001", quantity: 2 }],
    submittedAt: "2026-12-04T10:00:00.000Z",
    apiClientId: "client-1",
    ...over,
  };
}

export function aLink(over: Partial<Link> = {}): Link {
  const at = new Date("2026-12-04T10:00:00.000Z");
  return {
    id: `link-${next()}`,
    storefrontOrderId: `SO-TEST-${next()}`,
    sapSalesOrder: null,
    state: "QUEUED",
    customerId: "1000001",
    sapCustomer: null,
    currency: "EUR",
    totalNet: null,
    totalGross: null,
    itemCount: 1,
    attempts: 0,
    lastError: null,
    apiClientId: null,
    kafkaTopic: "storefront.orders",
    kafkaPartition: 0,
    kafkaOffset: 1n,
    traceId: "0af7651916cd43dd8448eb211c80319c",
    sapStatus: null,
    sapStatusVersion: null,
    sapStatusAt: null,
    receivedAt: at,
    submittedAt: null,
    sapCreatedAt: null,
    submitEpoch: 0,
    submitOwner: null,
    payload: null,
    cancelledAt: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

export interface LogLine {
  "log.level": string;
  message: string;
  [field: string]: unknown;
}

/** A real logger writing into an array, so a test can say what was logged at which level. */
export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({
    service: "worker-test",
    level: "debug",
    destination: { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) },
  });
  return { logger, lines };
}

/** Resolves with what `fn` threw, failing the test if it did not throw. */
export async function thrownBy(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to throw, it returned");
}
