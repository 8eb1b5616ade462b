import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "../canonical-json";
import { json } from "../http";
import type { CheckResult, IdempotencyBegin, OrderProblem } from "../ports";
import { orderRefusal, problem } from "../problem";
import { orderAcceptedSchema, type SubmitOrder, submitOrderSchema } from "../schemas";
import { defineRoute, type RouteContext } from "./route";

/** A storefront order id for an order whose client chose none; minted once per key. */
const mintOrderId = () =>
  `SF-${randomUUID().slice(0, 8).toUpperCase()}${Date.now().toString(36).toUpperCase()}`;

type Ctx = RouteContext<Record<string, never>, undefined, SubmitOrder>;
type Begun = Extract<IdempotencyBegin, { state: "new" | "resumed" }>;
type Lines = { sku: string; quantity: number }[];

export const submitOrder = defineRoute({
  method: "POST",
  path: "/orders",
  summary: "Submit an order",
  description:
    "Accepted for processing: the order goes to SAP asynchronously. Poll the status URL or receive webhooks.",
  access: { scope: "orders:write" },
  request: {
    header: {
      name: "Idempotency-Key",
      schema: z.string().regex(/^[\x21-\x7e]{8,255}$/),
      problem: "idempotency-key-missing",
      detail:
        "Send a unique Idempotency-Key header (8–255 visible ASCII characters) with every order; reuse it only to retry the same order.",
      description:
        "Unique per order (8–255 visible ASCII characters); reuse it only to retry the same order, which then continues the order the key is bound to.",
    },
    body: { schema: submitOrderSchema },
  },
  responses: {
    202: {
      description: "Accepted",
      schema: orderAcceptedSchema,
      headers: {
        "Idempotent-Replayed": { description: "true on a replayed answer", schema: { type: "string" } },
      },
      links: {
        OrderStatus: {
          operation: "GET /orders/{orderId}",
          parameters: { orderId: "$response.body#/orderId" },
        },
        CancelOrder: {
          operation: "POST /orders/{orderId}/cancellation",
          parameters: { orderId: "$response.body#/orderId" },
        },
      },
    },
  },
  problems: [
    "not-found",
    "order-exists",
    "request-in-progress",
    "unknown-product",
    "insufficient-stock",
    "unknown-customer",
    "idempotency-key-reused",
  ],
  handler: submit,
});

async function submit(ctx: Ctx): Promise<Response> {
  const { deps, clientId, header: key, body: input } = ctx;
  const receivedAt = new Date();
  // Over the body's canonical form (RFC 8785): a retry that sends the same JSON with its keys
  // in another order or other spacing is the same request, not a conflicting reuse.
  const requestHash = createHash("sha256").update(canonicalJson(ctx.rawBody)).digest("hex");
  // The key binds an order id on its first request (the client's own, or the one minted
  // here), and every later attempt with it uses that id: a retry continues the order, it
  // never starts a second.
  const orderId = input.orderId ?? mintOrderId();
  // The checks against customer, catalog and stock, and the key. When the checks are answered
  // from memory (every lookup kept or shared: they settle within this turn of the event loop),
  // an order they accept under a key this client has not used — a first attempt, the common
  // case — has its key bound and is anchored in the ledger in one round trip. When they need
  // the read model, the key is taken while they read (one round trip overlapped), and the
  // ledger row follows. Everything but a first attempt (a refusal, checks that could not be
  // made, a key seen before) goes through the key's states: a replay answers what it answered
  // first whatever the checks say now.
  const checking = settle(deps.orders.check(clientId, input));
  const early = await Promise.race([checking, nextTurn()]);
  if (early?.status === "fulfilled" && early.value.ok) {
    const received = await deps.orders.receive(
      clientId,
      { ...input, orderId, lines: early.value.lines },
      {
        requestId: ctx.requestId,
        newKey: deps.idempotency.newKey(key, requestHash),
        traceparent: ctx.traceparent,
        receivedAt,
      },
    );
    if (received.state !== "taken")
      return accept(ctx, { state: "new", orderId, lease: received.lease }, early, {
        receivedAt,
        anchored: received.state === "anchored",
      });
  }
  const [begun, check] = await Promise.all([
    deps.idempotency.begin(clientId, key, requestHash, orderId),
    checking,
  ]);
  if (begun.state === "replay")
    return json(begun.body, { status: begun.status, headers: { "Idempotent-Replayed": "true" } });
  if (begun.state === "mismatch")
    throw problem(
      "idempotency-key-reused",
      "This Idempotency-Key was already used for a different request body.",
    );
  if (begun.state === "in-progress")
    throw problem(
      "request-in-progress",
      "A request with this Idempotency-Key is still being processed; retry shortly.",
      { extra: begun.orderId ? { orderId: begun.orderId } : {}, headers: { "Retry-After": "1" } },
    );
  return accept(ctx, begun, check, { receivedAt, anchored: false });
}

/** A promise's outcome as a value (never rejects). */
const settle = <T>(p: Promise<T>): Promise<PromiseSettledResult<T>> =>
  p.then(
    (value) => ({ status: "fulfilled", value }),
    (reason: unknown) => ({ status: "rejected", reason }),
  );

/** Undefined after the current turn of the event loop: what is answered from memory has settled. */
const nextTurn = () => new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)));

/** Takes a key this attempt holds to an accepted order, or settles the key on the way out. */
async function accept(
  ctx: Ctx,
  begun: Begun,
  check: PromiseSettledResult<CheckResult>,
  at: { receivedAt: Date; anchored: boolean },
): Promise<Response> {
  const { deps, clientId, header: key, body: input } = ctx;
  const { orderId, lease } = begun;
  const statusUrl = `${deps.basePath}/orders/${encodeURIComponent(orderId)}`;
  const body = { orderId, status: "RECEIVED" as const, statusUrl };
  // Whether the key may be given back if this attempt ends without an order: only while
  // nothing durable can exist for it. A resumed key's earlier attempt may have put the order
  // in the ledger; from the ledger insert on, this attempt may have too.
  let refusable = begun.state === "new" && !at.anchored;
  try {
    if (check.status === "rejected") throw check.reason;
    const decided = await decideLines(ctx, begun, check.value);
    if (decided.giveBackKey) refusable = true;
    if (!decided.lines) {
      // A refused order changes nothing, not even the key: the client may fix the cause
      // (e.g. stock arrives) and retry with the same key.
      throw orderRefusal(decided.refusal, input.customerId);
    }
    refusable = false;
    const res = await deps.orders.submit(
      clientId,
      { ...input, orderId, lines: decided.lines },
      {
        requestId: ctx.requestId,
        idempotencyKey: key,
        traceparent: ctx.traceparent,
        receivedAt: at.receivedAt,
        anchored: at.anchored,
        answer: { status: 202, body },
      },
    );
    if (!res.ok) {
      // Refused at the ledger (the order id is another request's): nothing of ours is there.
      refusable = true;
      throw orderRefusal(res.problem, input.customerId);
    }
    // The answer is stored for the key already, with the order's Kafka position.
    return json(body, { status: 202, headers: { Location: statusUrl } });
  } catch (e) {
    await settleKey(ctx, lease, refusable);
    throw e;
  }
}

/**
 * The lines to submit, or the refusal. An order an earlier attempt anchored stands, whatever
 * the checks say now (its stock may be gone because of this very order): finish it. One that
 * never reached the ledger is refused like a new one, and its key may be given back.
 */
async function decideLines(
  ctx: Ctx,
  begun: Begun,
  check: CheckResult,
): Promise<
  { lines: Lines; giveBackKey?: false } | { lines: null; refusal: OrderProblem; giveBackKey: boolean }
> {
  if (check.ok) return { lines: check.lines };
  if (begun.state !== "resumed") return { lines: null, refusal: check.problem, giveBackKey: false };
  if (!(await ctx.deps.orders.anchored(ctx.clientId, begun.orderId, ctx.header)))
    return { lines: null, refusal: check.problem, giveBackKey: true };
  if (!check.lines)
    throw new Error(`order ${begun.orderId} is in the ledger but its lines are not known any more`);
  return { lines: check.lines };
}

/**
 * Given back only when nothing durable exists for it; otherwise the key keeps its order id and
 * this attempt's lease ends now, so the client's retry continues the same order at once (the
 * intake resumes an order it finds in the ledger under this key).
 */
async function settleKey(ctx: Ctx, lease: Date, refusable: boolean): Promise<void> {
  const { idempotency, logger } = ctx.deps;
  await (refusable
    ? idempotency.abandon(ctx.clientId, ctx.header, lease)
    : idempotency.release(ctx.clientId, ctx.header, lease)
  ).catch((err: unknown) => {
    // The store that failed the request may fail this too: the lease then lapses on its own.
    // Info, not warn: the request's own failure is the one warning this outage causes.
    logger.info(
      { "http.request.id": ctx.requestId, "error.message": String((err as Error)?.message ?? err) },
      "storefront API could not settle an Idempotency-Key; its lease lapses on its own",
    );
  });
}
