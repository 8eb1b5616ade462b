import { z } from "zod";
import { encodeCloudEvent, type KafkaRecord, newCloudEvent } from "./cloudevents";
import { sapExternalMaterial, sapExternalNumber } from "./sap-keys";

/**
 * Event types and their body schemas, per topic. Storefront events are ours and versioned in
 * the type name; SAP's are S/4HANA's standard business events, which carry keys only, so the
 * consumer fetches the current state from SAP.
 */
export const EventTypes = {
  orderSubmitted: "com.icp.storefront.order.Submitted.v1",
  orderCancellationRequested: "com.icp.storefront.order.CancellationRequested.v1",
  salesOrderCreated: "sap.s4.beh.salesorder.v1.SalesOrder.Created.v1",
  salesOrderChanged: "sap.s4.beh.salesorder.v1.SalesOrder.Changed.v1",
  salesOrderCanceled: "sap.s4.beh.salesorder.v1.SalesOrder.Canceled.v1",
  materialStockChanged: "sap.s4.beh.materialstock.v1.MaterialStock.Changed.v1",
} as const;

export const STOREFRONT_EVENT_SOURCE = "/icp/storefront-api";

const sku = z.string().min(1).max(40);
export const orderIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,34}$/,
    "order id: 1–35 letters, digits, '-' or '_' (SAP PurchaseOrderByCustomer is 35 chars)",
  );

export const orderLineSchema = z.object({
  lineId: z.string().min(1).max(6).optional(),
  sku,
  quantity: z.number().int().positive().max(100_000),
});

export const addressSchema = z.object({
  name: z.string().min(1).max(80),
  street: z.string().min(1).max(60),
  postalCode: z.string().min(1).max(10),
  city: z.string().min(1).max(40),
  country: z.string().length(2),
});

export const orderSubmittedSchema = z.object({
  orderId: orderIdSchema,
  customerId: z.string().min(1).max(10),
  currency: z.string().length(3),
  lines: z.array(orderLineSchema).min(1).max(500),
  shipTo: addressSchema.optional(),
  requestedDeliveryDate: z.string().date().optional(),
  submittedAt: z.string().datetime(),
  apiClientId: z.string().min(1),
});
export type OrderSubmitted = z.infer<typeof orderSubmittedSchema>;

export const orderCancellationRequestedSchema = z.object({
  orderId: orderIdSchema,
  reason: z.string().min(1).max(200),
  requestedAt: z.string().datetime(),
  apiClientId: z.string().min(1),
});

/**
 * A number SAP converts (ALPHA, MATN1), in its external form whichever form the event carried:
 * SAP's event payloads may hold `0000000012` where OData gave `12` (see sap-keys.ts).
 */
const sapNumber = (max: number, external = sapExternalNumber) =>
  z.string().min(1).max(max).transform(external);

export const salesOrderEventSchema = z.object({ SalesOrder: sapNumber(10) }).passthrough();

export const materialStockEventSchema = z
  .object({
    Material: sapNumber(40, sapExternalMaterial),
    Plant: z.string().min(1).max(4),
    StorageLocation: z.string().max(4).optional(),
  })
  .passthrough();

export const orderTopicSchemas = {
  [EventTypes.orderSubmitted]: orderSubmittedSchema,
  [EventTypes.orderCancellationRequested]: orderCancellationRequestedSchema,
} as const;

export const orderStatusTopicSchemas = {
  [EventTypes.salesOrderCreated]: salesOrderEventSchema,
  [EventTypes.salesOrderChanged]: salesOrderEventSchema,
  [EventTypes.salesOrderCanceled]: salesOrderEventSchema,
} as const;

export const inventoryTopicSchemas = {
  [EventTypes.materialStockChanged]: materialStockEventSchema,
} as const;

/**
 * The Kafka record of an accepted order, as the storefront API publishes it: keyed by order id
 * (one order's events stay in order), CloudEvents binary mode, with the request's trace.
 */
export function orderSubmittedRecord(order: OrderSubmitted, traceparent?: string): KafkaRecord {
  return encodeCloudEvent(
    order.orderId,
    newCloudEvent({
      source: STOREFRONT_EVENT_SOURCE,
      type: EventTypes.orderSubmitted,
      subject: order.orderId,
      data: order,
      ...(traceparent ? { traceparent } : {}),
    }),
  );
}
