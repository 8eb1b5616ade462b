import { createHash } from "node:crypto";
import { type Db, uuidv7 } from "@icp/db";
import {
  EventTypes,
  encodeCloudEvent,
  type KafkaRecord,
  newCloudEvent,
  type OrderSubmitted,
  orderSubmittedRecord,
  STOREFRONT_EVENT_SOURCE,
  TOO_LATE_TO_CANCEL,
  Topics,
} from "@icp/domain";
import { type KafkaPosition, sendRecords } from "@icp/messaging";
import { traceIdOf } from "@icp/observability";
import {
  type NewIdempotencyKey,
  OrderIntake,
  type ProducedEntry,
  type ReceivedEntry,
  StorefrontOrderStatus,
} from "@icp/orders";
import type { OrderDoc, ReadModel, ReceivedOrder } from "@icp/read-model";
import type { Producer } from "kafkajs";
import { within } from "../dependencies";
import { GroupCommit, SingleFlight } from "../group-commit";
import type { CheckedOrder, CheckResult, OrderStatus, Orders, SubmitResult } from "../ports";
import { clientRowIds } from "./prisma";
import { checkLines, coalescedLines } from "./read-model";

/**
 * Order ids are the client's own (issue 17: 6): the ledger's storefront_order_id is globally
 * unique, so an id some other client already holds is kept under this client's scoped id —
 * `ns_` (reserved: clients may not choose it), 8 characters of the client id's hash, `_`, and
 * the id itself (or its hash, if it would not fit SAP's 35 characters). The client never sees
 * it: it submits, reads and cancels by its own id, gets the same 202 as for a free id, and a
 * 409 only for an id it used itself. So no client learns another's ids or takes them first.
 */
export function scopedOrderId(clientId: string, orderId: string): string {
  const h = (s: string) => createHash("sha256").update(s).digest("hex");
  const rest = orderId.length <= 23 ? orderId : h(`${clientId}\n${orderId}`).slice(0, 23);
  return `ns_${h(clientId).slice(0, 8)}_${rest}`;
}

/** The ledger ids an order of this client's may have: its own id, or that id scoped. */
const candidateIds = (clientId: string, orderId: string) => [orderId, scopedOrderId(clientId, orderId)];

function toStatus(o: OrderDoc, orderId: string): OrderStatus {
  return {
    orderId,
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
 * The order checks' answers about stock are kept this long by default: the checks only turn
 * away at once what plainly cannot be had, and SAP's own availability check decides when the
 * order is booked. (The read model's stock itself follows SAP's events within ~0.1 s.)
 */
export const DEFAULT_CHECK_CACHE_MS = 1_000;
/**
 * Customers and products change in SAP far more rarely than stock, and reach the read model by
 * resync and polling minutes apart: their answers are kept 30 s.
 */
export const MASTER_DATA_KEEP_MS = 30_000;

/**
 * How long a request waits for Kafka to take its order, by default. kafkajs' own retries (8,
 * from 200 ms, doubling) would hold a request for about a minute against a hung broker; the
 * client's HTTP timeout is usually 30 s. Past this the request answers 503 and its key stays
 * bound to the order id, so the client's retry continues the same order.
 */
export const DEFAULT_PRODUCE_TIMEOUT_MS = 10_000;

/** Bytes of records per produce request, well under Kafka's default message.max.bytes. */
const PRODUCE_CHUNK_BYTES = 256 * 1024;

function recordBytes(r: KafkaRecord): number {
  let n = r.key.length + r.value.length;
  for (const [k, v] of Object.entries(r.headers)) n += k.length + String(v).length;
  return n;
}

/** Consecutive runs of records of at most `max` bytes each (a bigger record goes alone). */
export function byteChunks(records: KafkaRecord[], max: number): KafkaRecord[][] {
  const chunks: KafkaRecord[][] = [];
  let current: KafkaRecord[] = [];
  let bytes = 0;
  for (const r of records) {
    const n = recordBytes(r);
    if (current.length > 0 && bytes + n > max) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += n;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The order as it goes into the ledger and onto Kafka: one shape for `receive` and `submit`. */
async function intakeEntry(
  clientUuid: (clientId: string) => Promise<string>,
  clientId: string,
  input: CheckedOrder,
  ctx: { requestId: string; idempotencyKey: string; traceparent?: string; receivedAt: Date },
): Promise<Omit<ReceivedEntry, "id" | "eventId">> {
  const submitted: OrderSubmitted = {
    orderId: input.orderId,
    customerId: input.customerId,
    currency: input.currency,
    lines: input.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    submittedAt: ctx.receivedAt.toISOString(),
    apiClientId: clientId,
    ...(input.shipTo ? { shipTo: input.shipTo } : {}),
    ...(input.requestedDeliveryDate ? { requestedDeliveryDate: input.requestedDeliveryDate } : {}),
  };
  return {
    order: submitted,
    apiClientId: await clientUuid(clientId),
    traceId: traceIdOf(ctx.traceparent) ?? null,
    receipt: { idempotencyKey: ctx.idempotencyKey, requestId: ctx.requestId },
    receivedAt: ctx.receivedAt,
  };
}

/**
 * Order intake: validate against the read model, anchor the order in PostgreSQL (the unique
 * storefront order id) — for a first attempt whose checks answered from memory, in the
 * statement that binds its Idempotency-Key (`receive`) — publish it to Kafka with acks from all
 * replicas, and only then answer 202. A crash at any point before the answer leaves a state
 * that the client's retry (same Idempotency-Key) resumes; everything after Kafka is idempotent
 * by order id.
 *
 * Each step is a group commit (see GroupCommit): the orders of concurrent requests share one
 * key-and-ledger (or ledger) statement, one Kafka produce request, one statement for their Kafka
 * positions and one read-model insert. Every order still passes every step before its 202, so
 * the guarantees are those of one order at a time; only the number of round trips falls as the
 * load rises.
 */
export function ordersIntake(deps: {
  db: Db;
  rm: ReadModel;
  producer: Producer;
  /**
   * How long an order check keeps the read model's answer about a product's stock (ms; 0 asks
   * the read model for every order, sharing only reads in flight). Whether a customer may order
   * and a product exists is kept MASTER_DATA_KEEP_MS (or this, if longer).
   */
  checkCacheMs?: number;
  /** API clients' row ids (the idempotency store can share its resolver). */
  clientUuid?: (clientId: string) => Promise<string>;
  /** How long a request waits for Kafka to take a record (ms); see DEFAULT_PRODUCE_TIMEOUT_MS. */
  produceTimeoutMs?: number;
}): Orders {
  const { db, rm, producer } = deps;
  const stockMs = deps.checkCacheMs ?? DEFAULT_CHECK_CACHE_MS;
  const masterMs = Math.max(stockMs, MASTER_DATA_KEEP_MS);
  const clientUuid = deps.clientUuid ?? clientRowIds(db);
  const produceTimeoutMs = deps.produceTimeoutMs ?? DEFAULT_PRODUCE_TIMEOUT_MS;
  const check = orderCheck(rm, { stockMs, masterMs });
  const { intake, keyedLedger, ledger, kafka, positions, readModelOrders, orderStatus } = intakeSteps(
    db,
    rm,
    producer,
  );

  /** Who holds this id in the ledger, and under which Idempotency-Key it was received. */
  async function ledgerEntry(
    orderId: string,
  ): Promise<{ owner: string | null; firstKey: string | null } | null> {
    const existing = await db.orderLink.findUnique({
      where: { storefrontOrderId: orderId },
      include: {
        events: { where: { kind: "API_RECEIVED" }, take: 1 },
        apiClient: { select: { clientId: true } },
      },
    });
    if (!existing) return null;
    const firstKey = (existing.events[0]?.detail as { idempotencyKey?: string } | null)?.idempotencyKey;
    return { owner: existing.apiClient?.clientId ?? null, firstKey: firstKey ?? null };
  }

  /** Whether the ledger has this order, received from this client under this Idempotency-Key. */
  async function receivedUnder(clientId: string, orderId: string, idempotencyKey: string): Promise<boolean> {
    const e = await ledgerEntry(orderId);
    return e !== null && e.owner === clientId && e.firstKey === idempotencyKey;
  }

  /**
   * The order into the ledger under the client's own id or, when another client holds that id,
   * under the client's scoped id (see scopedOrderId). The ledger id it went in under (or was
   * already, from this client under this key: a resumed request), or null when this client used
   * the id before under another key: a duplicate.
   */
  async function anchor(clientId: string, entry: Omit<ReceivedEntry, "id" | "eventId">, key: string) {
    for (const orderId of candidateIds(clientId, entry.order.orderId)) {
      const order = { ...entry.order, orderId };
      if (await ledger.run({ ...entry, id: uuidv7(), eventId: uuidv7(), order })) return order;
      const held = await ledgerEntry(orderId);
      if (held?.owner === clientId) return held.firstKey === key ? order : null;
      // Another client's (or gone again): the scoped id next, which only this client can hold.
    }
    return null;
  }

  /** This client's order by its own id, in the read model (under its id or its scoped id). */
  const findOwn = (clientId: string, orderId: string) =>
    rm.orders.findOne({ _id: { $in: candidateIds(clientId, orderId) }, apiClientId: clientId });

  return {
    check,

    async receive(clientId, input, ctx) {
      const { newKey } = ctx;
      const entry = await intakeEntry(clientUuid, clientId, input, { ...ctx, idempotencyKey: newKey.key });
      const done = await keyedLedger.run({ ...entry, id: uuidv7(), eventId: uuidv7(), newKey });
      if (!done.key) return { state: "taken" };
      return { state: done.order ? "anchored" : "bound", lease: newKey.leaseUntil };
    },

    async submit(clientId, input, ctx): Promise<SubmitResult> {
      const entry = await intakeEntry(clientUuid, clientId, input, ctx);
      const { apiClientId, traceId } = entry;
      // Anchored by `receive` already, under the order's own id; otherwise: same order id again,
      // a resumed request (same client and key) goes on; the client's own id under another key
      // is a duplicate; another client's id is scoped (anchor).
      const data = ctx.anchored ? entry.order : await anchor(clientId, entry, ctx.idempotencyKey);
      if (!data) return { ok: false, problem: { kind: "duplicate-order", orderId: input.orderId } };
      const ledgerId = data.orderId;

      const record = orderSubmittedRecord(data, ctx.traceparent);
      // From here the order is in the ledger: whatever fails, the caller keeps the key bound
      // to this order id and the client's retry comes back here (the resumed path above).
      const produced = kafka.run(record);
      // The ledger's Kafka position and the read model's order are independent: written together.
      const recorded = async (at: KafkaPosition) =>
        Promise.all([
          positions.run({
            orderId: ledgerId,
            eventId: uuidv7(),
            at,
            producedAt: new Date(record.headers.ce_time ?? Date.now()),
            cloudEventId: record.headers.ce_id,
            traceId,
            apiClientId,
            idempotencyKey: ctx.idempotencyKey,
            status: ctx.answer.status,
            body: ctx.answer.body,
          }),
          readModelOrders.run({
            _id: ledgerId,
            apiClientId: clientId,
            customerId: input.customerId,
            currency: input.currency,
            lines: data.lines,
            createdAt: new Date(),
          }),
        ]);
      let at: KafkaPosition;
      try {
        at = await within(produced, produceTimeoutMs, "kafka", `producing order ${ledgerId}`);
      } catch (e) {
        // The request stops waiting; the produce does not. If Kafka takes the record after all,
        // its position and the key's answer are still recorded, so the client's retry gets the
        // stored 202 (and a retry that came first produced again: downstream dedupes by order id).
        produced.then(recorded).catch(() => {}); // nobody waits: a failure leaves it to the retry
        throw e;
      }
      const [positioned] = await recorded(at);
      if (!positioned.positioned) throw new Error(`order ${ledgerId} vanished from the ledger after Kafka`);
      if (!positioned.answered)
        throw new Error(`idempotency key ${ctx.idempotencyKey} vanished before its answer was stored`);
      return { ok: true, orderId: input.orderId };
    },

    async anchored(clientId, orderId, idempotencyKey) {
      for (const id of candidateIds(clientId, orderId))
        if (await receivedUnder(clientId, id, idempotencyKey)) return true;
      return false;
    },

    async get(clientId, orderId) {
      const o = await findOwn(clientId, orderId);
      return o ? toStatus(o, orderId) : null;
    },

    async requestCancellation(clientId, ownId, reason, ctx) {
      const o = await findOwn(clientId, ownId);
      if (!o) return "not-found";
      const orderId = o._id; // the ledger's id (the client's own, or scoped)
      if (TOO_LATE_TO_CANCEL.includes(o.status)) return "too-late";
      const event = newCloudEvent({
        source: STOREFRONT_EVENT_SOURCE,
        type: EventTypes.orderCancellationRequested,
        subject: orderId,
        data: { orderId, reason, requestedAt: new Date().toISOString(), apiClientId: clientId },
        ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
      });
      const [at] = await within(
        sendRecords(producer, Topics.orders, [encodeCloudEvent(orderId, event)]),
        produceTimeoutMs,
        "kafka",
        `producing the cancellation of ${orderId}`,
      );
      await intake.cancellationProduced(orderId, {
        reason,
        partition: at?.partition ?? null,
        offset: at?.offset ?? null,
        requestId: ctx.requestId,
      });
      await orderStatus.move(orderId, "CANCELLATION_REQUESTED", { note: reason });
      return "requested";
    },
  };
}

/**
 * The order checks against the read model: the customer may order, and the lines exist with
 * stock. Answers are shared by concurrent requests and kept a while (see the constants above);
 * only a customer who may order is kept, so one new in the read model can order at once.
 */
function orderCheck(rm: ReadModel, keep: { stockMs: number; masterMs: number }) {
  const lines = coalescedLines(rm, { productMs: keep.masterMs, stockMs: keep.stockMs });
  const customerFlights = new SingleFlight<{ blocked: boolean } | null>("intake.customer", {
    keepMs: keep.masterMs,
    keepIf: (c) => c !== null && !c.blocked,
  });
  const customer = (id: string) =>
    customerFlights.get(id, () => rm.customers.findOne({ _id: id }, { projection: { blocked: 1 } }));
  return async (clientId: string, input: Parameters<Orders["check"]>[1]): Promise<CheckResult> => {
    let orderLines = input.lines;
    if (input.cartId) {
      const cart = await rm.carts.findOne({ _id: input.cartId, apiClientId: clientId });
      if (!cart) return { ok: false, problem: { kind: "unknown-cart" } };
      orderLines = cart.lines;
    }
    if (!orderLines?.length) return { ok: false, problem: { kind: "unknown-cart" } };
    // The customer first, alone: an order for nobody is refused after one lookup, not after
    // one per line (up to 500 lines, a product and a stock lookup each).
    const who = await customer(input.customerId);
    if (!who || who.blocked) return { ok: false, problem: { kind: "unknown-customer" }, lines: orderLines };
    const problem = await checkLines(rm, orderLines, lines);
    if (problem) return { ok: false, problem, lines: orderLines };
    return { ok: true, lines: orderLines };
  };
}

/**
 * The intake's steps, each a group commit: concurrent requests' orders share one key-and-ledger
 * statement (or, when the key was taken on its own, one ledger statement), one Kafka produce
 * request, one positions statement and one read-model insert.
 */
function intakeSteps(db: Db, rm: ReadModel, producer: Producer) {
  // The ledger's statements are the order owner's (@icp/orders); the group commits here only
  // batch the concurrent requests' orders into them.
  const intake = new OrderIntake(db);
  const ledger = new GroupCommit<ReceivedEntry, boolean>((entries) => intake.received(entries), {
    name: "intake.ledger",
    isolateFailures: true,
  });
  // New keys with their orders: one statement (the common case, a first attempt).
  const keyedLedger = new GroupCommit<
    ReceivedEntry & { newKey: NewIdempotencyKey },
    { key: boolean; order: boolean }
  >((entries) => intake.receivedUnderNewKeys(entries), { name: "intake.key+ledger", isolateFailures: true });

  // One produce request for the batch (more if it is big: Kafka refuses a record batch over
  // message.max.bytes, 1 MiB by default); each order learns its partition and offset. One at
  // a time: the idempotent producer has one request in flight per broker anyway.
  const kafka = new GroupCommit<KafkaRecord, KafkaPosition>(
    async (records) => {
      const out: KafkaPosition[] = [];
      for (const chunk of byteChunks(records, PRODUCE_CHUNK_BYTES))
        out.push(...(await sendRecords(producer, Topics.orders, chunk)));
      return out;
    },
    { name: "intake.kafka", concurrency: 1 },
  );

  // The Kafka positions with their KAFKA_PRODUCED events, and the answers for the requests'
  // Idempotency-Keys: one statement, so a stored 202 always has its Kafka position.
  const positions = new GroupCommit<ProducedEntry, { positioned: boolean; answered: boolean }>(
    (batch) => intake.produced(batch),
    { name: "intake.positions", isolateFailures: true },
  );

  const orderStatus = new StorefrontOrderStatus(rm);
  const readModelOrders = new GroupCommit<ReceivedOrder, "created" | "exists">(
    (docs) => orderStatus.received(docs),
    { name: "intake.read-model", isolateFailures: true },
  );

  return { intake, keyedLedger, ledger, kafka, positions, readModelOrders, orderStatus };
}
