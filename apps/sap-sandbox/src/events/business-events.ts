import { randomUUID } from "node:crypto";
import { EventTypes, SAP_NUMBER_LENGTH, sapInternalNumber, type Topic, Topics } from "@icp/domain";

/** SAP business event types as SAP's event catalogue spells them (names shared via @icp/domain). */
export const SapEventTypes = {
  salesOrderCreated: EventTypes.salesOrderCreated,
  salesOrderChanged: EventTypes.salesOrderChanged,
  salesOrderCanceled: EventTypes.salesOrderCanceled,
  materialStockChanged: EventTypes.materialStockChanged,
} as const;
export type SapEventType = (typeof SapEventTypes)[keyof typeof SapEventTypes];

/**
 * One business event as it goes onto Kafka in CloudEvents binary mode: `headers` are the
 * `ce_*` attributes, `body` the JSON data (keys only, like SAP's standard events).
 */
export interface BusinessEventMessage {
  topic: Topic;
  key: string;
  headers: Record<string, string>;
  body: Record<string, string>;
}

export interface EventPublisher {
  publish(messages: BusinessEventMessage[]): Promise<void>;
  close(): Promise<void>;
}

export function sapEventSource(systemId: string): string {
  return `/default/sap.s4.beh/${systemId}`;
}

/**
 * The sandbox stores SAP numbers in their external form (what OData shows); its events carry
 * the internal one, zero-padded, as payloads built from SAP's tables do (docs/sap-fidelity.md
 * §18): a consumer that compares the two forms as strings misses every numeric key.
 */
export function salesOrderEvent(
  type: SapEventType,
  salesOrder: string,
  systemId: string,
  at: number,
): BusinessEventMessage {
  const internal = sapInternalNumber(salesOrder, SAP_NUMBER_LENGTH.salesOrder);
  return businessEvent(Topics.orderStatus, internal, type, { SalesOrder: internal }, systemId, at);
}

export function materialStockEvent(
  stock: { Material: string; Plant: string; StorageLocation: string },
  systemId: string,
  at: number,
): BusinessEventMessage {
  const material = sapInternalNumber(stock.Material, SAP_NUMBER_LENGTH.material);
  return businessEvent(
    Topics.inventory,
    `${material}/${stock.Plant}`,
    SapEventTypes.materialStockChanged,
    { Material: material, Plant: stock.Plant, StorageLocation: stock.StorageLocation },
    systemId,
    at,
  );
}

function businessEvent(
  topic: Topic,
  key: string,
  type: SapEventType,
  body: Record<string, string>,
  systemId: string,
  at: number,
): BusinessEventMessage {
  return {
    topic,
    key,
    headers: {
      ce_specversion: "1.0",
      ce_id: randomUUID(),
      ce_source: sapEventSource(systemId),
      ce_type: type,
      ce_time: new Date(at).toISOString(),
      ce_datacontenttype: "application/json",
      // the CloudEvents Kafka binding maps datacontenttype to content-type in binary mode
      "content-type": "application/json",
    },
    body,
  };
}

/** Keeps what was published; for tests and for `/sandbox/admin/events` when Kafka is off. */
export class InMemoryEventSink implements EventPublisher {
  readonly messages: BusinessEventMessage[] = [];
  constructor(private readonly limit = 10_000) {}
  async publish(messages: BusinessEventMessage[]): Promise<void> {
    this.messages.push(...messages);
    if (this.messages.length > this.limit) this.messages.splice(0, this.messages.length - this.limit);
  }
  async close(): Promise<void> {}
}
