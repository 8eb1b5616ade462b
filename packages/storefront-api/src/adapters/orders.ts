import { type Db, uuidv7 } from "@icp/db";
import {
  EventTypes,
  encodeCloudEvent,
  newCloudEvent,
  type OrderSubmitted,
  orderSubmittedRecord,
  STOREFRONT_EVENT_SOURCE,
  Topics,
} from "@icp/domain";
import { traceIdOf } from "@icp/observability";
import type { OrderDoc, ReadModel } from "@icp/read-model";
import type { Producer } from "kafkajs";
import type { OrderStatus, Orders, SubmitResult } from "../ports";
import { checkLines } from "./read-model";

const TOO_LATE = new Set(["SHIPPED", "DELIVERED", "BILLED", "CANCELLED", "CANCELLATION_REQUESTED", "FAILED"]);

function toStatus(o: OrderDoc): OrderStatus {
  return {
    orderId: o._id,
    status: o.status,
    salesOrder: o.salesOrder,
    lines: o.lines,
    history: o.history.map((h) => ({
      status: h.status,
      at: h.at.toISOString(),
      ...(h.note ? { note: h.note } : {}),
    })),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/**
 * Order intake: validate against the read model, anchor the order in PostgreSQL (the unique
 * storefront order id), publish it to Kafka with acks from all replicas, and only then answer
 * 202. A crash at any point before the answer leaves a state that the client's retry (same
 * Idempotency-Key) resumes; everything after Kafka is idempotent by order id.
 */
export function ordersIntake(deps: { db: Db; rm: ReadModel; producer: Producer }): Orders {
  const { db, rm, producer } = deps;
  return {
    async submit(clientId, input, ctx): Promise<SubmitResult> {
      let lines = input.lines;
      if (input.cartId) {
        const cart = await rm.carts.findOne({ _id: input.cartId, apiClientId: clientId });
        if (!cart) return { ok: false, problem: { kind: "unknown-cart" } };
        lines = cart.lines;
      }
      if (!lines?.length) return { ok: false, problem: { kind: "unknown-cart" } };
      const [customer, problem] = await Promise.all([
        rm.customers.findOne({ _id: input.customerId }, { projection: { blocked: 1 } }),
        checkLines(rm, lines),
      ]);
      if (!customer || customer.blocked) return { ok: false, problem: { kind: "unknown-customer" } };
      if (problem) return { ok: false, problem };

      const traceId = traceIdOf(ctx.traceparent);
      const receipt = { idempotencyKey: ctx.idempotencyKey, requestId: ctx.requestId };
      // The order and its API_RECEIVED event in one statement (one round trip, atomic); a
      // conflict on the storefront order id inserts neither.
      const created = await db.$executeRaw`
        WITH link AS (
          INSERT INTO order_link (id, storefront_order_id, customer_id, currency, item_count, api_client_id, trace_id, updated_at)
          SELECT ${uuidv7()}::uuid, ${input.orderId}, ${input.customerId}, ${input.currency}, ${lines.length}::int, c.id, ${traceId ?? null}, now()
          FROM api_client c WHERE c.client_id = ${clientId}
          ON CONFLICT (storefront_order_id) DO NOTHING
          RETURNING id)
        INSERT INTO order_event (id, order_link_id, kind, source, detail, trace_id)
        SELECT ${uuidv7()}::uuid, link.id, 'API_RECEIVED', 'api', ${JSON.stringify(receipt)}::jsonb, ${traceId ?? null}
        FROM link`;
      if (created !== 1) {
        // Same order id again: a resumed request (same client and key) goes on; anything else is a duplicate.
        const existing = await db.orderLink.findUnique({
          where: { storefrontOrderId: input.orderId },
          include: {
            events: { where: { kind: "API_RECEIVED" }, take: 1 },
            apiClient: { select: { clientId: true } },
          },
        });
        const firstKey = (existing?.events[0]?.detail as { idempotencyKey?: string } | null)?.idempotencyKey;
        if (!existing || existing.apiClient?.clientId !== clientId || firstKey !== ctx.idempotencyKey) {
          return { ok: false, problem: { kind: "duplicate-order", orderId: input.orderId } };
        }
      }

      const data: OrderSubmitted = {
        orderId: input.orderId,
        customerId: input.customerId,
        currency: input.currency,
        lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
        submittedAt: new Date().toISOString(),
        apiClientId: clientId,
        ...(input.shipTo ? { shipTo: input.shipTo } : {}),
        ...(input.requestedDeliveryDate ? { requestedDeliveryDate: input.requestedDeliveryDate } : {}),
      };
      const record = orderSubmittedRecord(data, ctx.traceparent);
      const [meta] = await producer.send({ topic: Topics.orders, acks: -1, messages: [record] });
      const partition = meta?.partition ?? null;
      const offset = meta?.baseOffset ?? null;
      // The ledger's Kafka position and the read model's order are independent: written together.
      const now = new Date();
      const produced = JSON.stringify({
        topic: Topics.orders,
        partition,
        offset,
        eventId: record.headers.ce_id,
      });
      await Promise.all([
        // The ledger's Kafka position and its KAFKA_PRODUCED event, in one statement.
        db.$queryRaw<{ id: string }[]>`
          WITH link AS (
            UPDATE order_link
            SET kafka_topic = ${Topics.orders}, kafka_partition = ${partition}::int,
                kafka_offset = ${offset}::bigint, updated_at = now()
            WHERE storefront_order_id = ${input.orderId}
            RETURNING id)
          INSERT INTO order_event (id, order_link_id, kind, source, detail, trace_id)
          SELECT ${uuidv7()}::uuid, link.id, 'KAFKA_PRODUCED', 'api', ${produced}::jsonb, ${traceId ?? null}
          FROM link
          RETURNING id`.then((rows) => {
          if (rows.length !== 1)
            throw new Error(`order ${input.orderId} vanished from the ledger after Kafka`);
        }),
        rm.orderReceived({
          _id: input.orderId,
          apiClientId: clientId,
          customerId: input.customerId,
          currency: input.currency,
          lines: data.lines,
          createdAt: now,
        }),
      ]);
      return { ok: true, orderId: input.orderId };
    },

    async get(clientId, orderId) {
      const o = await rm.orders.findOne({ _id: orderId, apiClientId: clientId });
      return o ? toStatus(o) : null;
    },

    async requestCancellation(clientId, orderId, reason, ctx) {
      const o = await rm.orders.findOne({ _id: orderId, apiClientId: clientId });
      if (!o) return "not-found";
      if (TOO_LATE.has(o.status)) return "too-late";
      const event = newCloudEvent({
        source: STOREFRONT_EVENT_SOURCE,
        type: EventTypes.orderCancellationRequested,
        subject: orderId,
        data: { orderId, reason, requestedAt: new Date().toISOString(), apiClientId: clientId },
        ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
      });
      const record = encodeCloudEvent(orderId, event);
      const [meta] = await producer.send({
        topic: Topics.orders,
        acks: -1,
        messages: [{ key: record.key, value: record.value, headers: record.headers }],
      });
      await db.orderLink.update({
        where: { storefrontOrderId: orderId },
        data: {
          events: {
            create: {
              kind: "KAFKA_PRODUCED",
              source: "api",
              detail: {
                type: "cancellation",
                reason,
                partition: meta?.partition ?? null,
                offset: meta?.baseOffset ?? null,
                requestId: ctx.requestId,
              },
            },
          },
        },
      });
      await rm.markOrder(orderId, "CANCELLATION_REQUESTED", {
        note: reason,
        onlyFrom: ["RECEIVED", "ACCEPTED", "PROCESSING"],
      });
      return "requested";
    },
  };
}
