import { type Db, Prisma } from "@icp/db";
import { type OrderSubmitted, Topics } from "@icp/domain";
import { appendEvent, type DbTx } from "./events";

/**
 * An order the storefront API accepted for intake: its ledger row (with the order itself, so
 * the ledger can act as the outbox) and its API_RECEIVED event.
 */
export interface ReceivedEntry {
  id: string;
  eventId: string;
  order: OrderSubmitted;
  /** The API client's row id. */
  apiClientId: string;
  traceId: string | null;
  receipt: { idempotencyKey: string; requestId: string };
  /** When the request arrived (the API's clock, like the Kafka record's time after it). */
  receivedAt: Date;
}

/**
 * A new Idempotency-Key row, as the storefront API's idempotency store builds it (its shape and
 * TTL are that store's); the intake only inserts it with the order it binds.
 */
export interface NewIdempotencyKey {
  id: string;
  key: string;
  requestHash: string;
  leaseUntil: Date;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Where Kafka put an order, with its KAFKA_PRODUCED event; and the answer for the request's
 * Idempotency-Key, recorded in the same statement, so a stored 202 always has its order in
 * Kafka.
 */
export interface ProducedEntry {
  orderId: string;
  eventId: string;
  at: { partition: number; offset: string };
  /** The Kafka record's own time (its CloudEvent `time`): the event is shown then. */
  producedAt: Date;
  /** The CloudEvent id of the record, for the event's detail. */
  cloudEventId: string | undefined;
  traceId: string | null;
  /** The API client's row id. */
  apiClientId: string;
  idempotencyKey: string;
  status: number;
  body: unknown;
}

/** The columns of `receivedRow` in the intake statements' input. */
const RECEIVED_COLUMNS =
  Prisma.raw(`id uuid, "eventId" uuid, "orderId" text, "customerId" text, currency text,
  "itemCount" int, "apiClientId" uuid, "traceId" text, receipt jsonb, payload jsonb, at timestamptz`);

/**
 * The ledger rows (`link`) and their API_RECEIVED events for the input rows `source` yields (as
 * `i`): an order id already in the ledger, or twice in the batch, inserts neither.
 */
const anchorOrders = (source: Prisma.Sql) => Prisma.sql`
      link AS (
        INSERT INTO order_link (id, storefront_order_id, customer_id, currency, item_count, api_client_id, trace_id, payload, received_at, updated_at)
        SELECT i.id, i."orderId", i."customerId", i.currency, i."itemCount", i."apiClientId", i."traceId", i.payload, i.at, now()
        FROM ${source}
        ON CONFLICT (storefront_order_id) DO NOTHING
        RETURNING id),
      received AS (
        INSERT INTO order_event (id, order_link_id, kind, source, detail, trace_id, at)
        SELECT i."eventId", link.id, 'API_RECEIVED', 'api', i.receipt, i."traceId", i.at
        FROM link JOIN input i ON i.id = link.id)`;

/** An entry as a row of the intake statements' JSON input. */
const receivedRow = (e: ReceivedEntry) => ({
  id: e.id,
  eventId: e.eventId,
  orderId: e.order.orderId,
  customerId: e.order.customerId,
  currency: e.order.currency,
  itemCount: e.order.lines.length,
  apiClientId: e.apiClientId,
  traceId: e.traceId,
  receipt: e.receipt,
  payload: e.order,
  at: e.receivedAt.toISOString(),
});

/**
 * The order owner's intake statements, for the storefront API's group commits: many orders
 * per statement, each statement one round trip.
 */
export class OrderIntake {
  /** Alone, or inside the caller's transaction. */
  constructor(private readonly db: DbTx) {}

  /**
   * The orders and their API_RECEIVED events, one statement; an order id already in the ledger
   * (or twice in the batch) inserts neither, and is answered false.
   */
  async received(entries: ReceivedEntry[]): Promise<boolean[]> {
    const input = entries.map(receivedRow);
    // The batch goes to PostgreSQL as one JSON parameter (jsonb_to_recordset): serialised
    // natively, where array parameters are escaped element by element.
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS t(${RECEIVED_COLUMNS})),
      ${anchorOrders(Prisma.sql`input i`)}
      SELECT id::text FROM link`;
    const created = new Set(rows.map((r) => r.id));
    return entries.map((e) => created.has(e.id));
  }

  /**
   * Orders that arrived under Idempotency-Keys their clients have not used, each key bound to its
   * order id and each order anchored with its API_RECEIVED event: one statement for the batch,
   * where a key and then the order would take two round trips in a row. Per entry: `key`, the
   * key was inserted (one already there — a retry, or twice in the batch — inserts nothing, and
   * its request goes through the key's own states); `order`, its order too (a new key whose
   * order id is in the ledger already binds the key alone, and the caller decides on the id as
   * for any new key).
   */
  async receivedUnderNewKeys(
    entries: (ReceivedEntry & { newKey: NewIdempotencyKey })[],
  ): Promise<{ key: boolean; order: boolean }[]> {
    const input = entries.map((e) => ({
      ...receivedRow(e),
      keyId: e.newKey.id,
      key: e.newKey.key,
      requestHash: e.newKey.requestHash,
      leaseUntil: e.newKey.leaseUntil.toISOString(),
      keyCreatedAt: e.newKey.createdAt.toISOString(),
      expiresAt: e.newKey.expiresAt.toISOString(),
    }));
    const rows = await this.db.$queryRaw<{ kind: "key" | "order"; id: string }[]>`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        AS t(${RECEIVED_COLUMNS}, "keyId" uuid, key text, "requestHash" text, "leaseUntil" timestamptz,
             "keyCreatedAt" timestamptz, "expiresAt" timestamptz)),
      keyed AS (
        INSERT INTO idempotency_key (id, api_client_id, key, request_hash, order_id, lease_until, created_at, expires_at)
        SELECT i."keyId", i."apiClientId", i.key, i."requestHash", i."orderId", i."leaseUntil", i."keyCreatedAt", i."expiresAt"
        FROM input i
        ON CONFLICT (api_client_id, key) DO NOTHING
        RETURNING id),
      ${anchorOrders(Prisma.sql`input i JOIN keyed ON keyed.id = i."keyId"`)}
      SELECT 'key' AS kind, id::text FROM keyed
      UNION ALL
      SELECT 'order', id::text FROM link`;
    const done = new Set(rows.map((r) => `${r.kind} ${r.id}`));
    return entries.map((e) => ({ key: done.has(`key ${e.newKey.id}`), order: done.has(`order ${e.id}`) }));
  }

  /**
   * The Kafka positions with their KAFKA_PRODUCED events, and the answers for the requests'
   * Idempotency-Keys: one statement. updated_at stays as the insert set it: no indexed column
   * changes, so PostgreSQL can update the row in place (HOT) — given room on its page, which
   * the tables' fillfactor of 50 keeps (migration 20261210100000_intake_hot_updates).
   *
   * The input is `LIMIT`ed to its own length: PostgreSQL estimates any `jsonb_to_recordset` at
   * 100 rows, and with that many it joins the keys by reading every idempotency_key row (a
   * hash join over a sequential scan: 3.6 ms at 20,000 keys, growing with the table) where the
   * batch's few rows want one index lookup each (0.03 ms).
   */
  async produced(batch: ProducedEntry[]): Promise<{ positioned: boolean; answered: boolean }[]> {
    const input = batch.map(({ at, cloudEventId, producedAt, ...p }) => ({
      ...p,
      partition: at.partition,
      offset: at.offset,
      at: producedAt.toISOString(),
      detail: { topic: Topics.orders, ...at, eventId: cloudEventId },
    }));
    const rows = await this.db.$queryRaw<{ kind: "order" | "key"; id: string }[]>`
      WITH pos AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        AS t("orderId" text, "eventId" uuid, partition int, "offset" bigint, detail jsonb, at timestamptz,
             "traceId" text, "apiClientId" uuid, "idempotencyKey" text, status int, body jsonb)
        LIMIT ${input.length}),
      link AS (
        UPDATE order_link l
        SET kafka_topic = ${Topics.orders}, kafka_partition = pos.partition, kafka_offset = pos."offset"
        FROM pos WHERE l.storefront_order_id = pos."orderId"
        RETURNING l.id, l.storefront_order_id),
      produced AS (
        INSERT INTO order_event (id, order_link_id, kind, source, detail, trace_id, at)
        SELECT pos."eventId", link.id, 'KAFKA_PRODUCED', 'api', pos.detail, pos."traceId", pos.at
        FROM link JOIN pos ON pos."orderId" = link.storefront_order_id),
      answered AS (
        UPDATE idempotency_key k
        SET response_status = pos.status, response_body = pos.body
        FROM pos WHERE k.api_client_id = pos."apiClientId" AND k.key = pos."idempotencyKey"
        RETURNING k.api_client_id, k.key)
      SELECT 'order' AS kind, storefront_order_id AS id FROM link
      UNION ALL
      SELECT 'key', api_client_id::text || ' ' || key FROM answered`;
    const done = new Set(rows.map((r) => `${r.kind} ${r.id}`));
    return batch.map((p) => ({
      positioned: done.has(`order ${p.orderId}`),
      answered: done.has(`key ${p.apiClientId} ${p.idempotencyKey}`),
    }));
  }

  /** The storefront asked to cancel the order and the request is on Kafka. */
  async cancellationProduced(
    orderId: string,
    detail: { reason: string; partition: number | null; offset: string | null; requestId: string },
  ): Promise<void> {
    const link = await this.db.orderLink.findUnique({
      where: { storefrontOrderId: orderId },
      select: { id: true },
    });
    if (!link) return;
    await appendEvent(this.db, link.id, {
      kind: "KAFKA_PRODUCED",
      source: "api",
      detail: { type: "cancellation", ...detail },
    });
  }
}

/**
 * Order timelines that show an effect before its cause, and events without a trace id, over
 * the given orders (or every order): what ops would trip over when following one order. The
 * causes: API_RECEIVED → KAFKA_PRODUCED → JOB_ENQUEUED → first JOB_ATTEMPT → SAP_CREATED →
 * first SAP_STATUS, each compared with the first of the kind before it that the order has.
 */
export async function timelineDefects(
  db: Db,
  orderIds?: string[],
): Promise<{ orders: number; outOfOrder: string[]; eventsWithoutTrace: number; events: number }> {
  const rows = await db.$queryRaw<
    { order_id: string; out_of_order: boolean; untraced: number; events: number }[]
  >`
    WITH firsts AS (
      SELECT l.storefront_order_id AS order_id,
        min(e.at) FILTER (WHERE e.kind = 'API_RECEIVED') AS api,
        min(e.at) FILTER (WHERE e.kind = 'KAFKA_PRODUCED') AS produced,
        min(e.at) FILTER (WHERE e.kind = 'JOB_ENQUEUED') AS enqueued,
        min(e.at) FILTER (WHERE e.kind = 'JOB_ATTEMPT') AS attempt,
        min(e.at) FILTER (WHERE e.kind = 'SAP_CREATED') AS created,
        min(e.at) FILTER (WHERE e.kind = 'SAP_STATUS') AS status,
        count(*) FILTER (WHERE e.trace_id IS NULL OR e.trace_id = '')::int AS untraced,
        count(*)::int AS events
      FROM order_link l JOIN order_event e ON e.order_link_id = l.id
      WHERE ${orderIds ?? null}::text[] IS NULL OR l.storefront_order_id = ANY(${orderIds ?? null}::text[])
      GROUP BY l.storefront_order_id)
    SELECT order_id, untraced, events,
      (produced < api OR enqueued < COALESCE(produced, api) OR attempt < COALESCE(enqueued, produced, api)
       OR created < COALESCE(attempt, enqueued) OR status < COALESCE(created, attempt)) IS TRUE AS out_of_order
    FROM firsts`;
  return {
    orders: rows.length,
    outOfOrder: rows.filter((r) => r.out_of_order).map((r) => r.order_id),
    eventsWithoutTrace: rows.reduce((n, r) => n + r.untraced, 0),
    events: rows.reduce((n, r) => n + r.events, 0),
  };
}
