import { describe, expect, it } from "vitest";
import { createStorefrontApi } from "./app";
import { DependencyUnavailableError } from "./dependencies";
import type { CheckResult, Idempotency, IdempotencyBegin, Orders, SubmitResult } from "./ports";
import type { SlidingWindowLimiter } from "./rate-limit";
import type { AccessTokens } from "./tokens";

/**
 * The order route's decisions about an Idempotency-Key, on in-memory ports: when the key is
 * given back, when it is kept for the retry, and what a failing store answers. The same flows
 * run on the real stores in tests/integration/storefront-api.int.test.ts.
 */
const BASE = "/api/storefront/v1";
const LEASE = new Date(0);

function harness(opts: {
  begin: IdempotencyBegin;
  check: CheckResult | Error;
  anchored?: boolean;
  /** The checks answer after this long (ms), as when they read the read model; 0: from memory. */
  checkMs?: number;
  /** What `receive` finds for the key (default: taken, so the request goes through begin). */
  receive?: "anchored" | "bound" | "taken";
  submit?: SubmitResult | Error;
}) {
  const calls: string[] = [];
  const receivedAt: Date[] = [];
  const logs: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const submitted: { orderId: string; lines: unknown }[] = [];
  const idempotency: Idempotency = {
    newKey: (key, requestHash) => ({
      id: `id-${key}`,
      key,
      requestHash,
      leaseUntil: LEASE,
      createdAt: LEASE,
      expiresAt: LEASE,
    }),
    begin: async (_c, _k, _h, orderId) => {
      calls.push(`begin ${orderId.startsWith("SF-") ? "minted" : orderId}`);
      return opts.begin;
    },
    abandon: async () => {
      calls.push("abandon");
    },
    release: async () => {
      calls.push("release");
    },
  };
  const orders: Orders = {
    check: async () => {
      if (opts.checkMs) {
        await new Promise((r) => setTimeout(r, opts.checkMs));
        calls.push("checked");
      }
      if (opts.check instanceof Error) throw opts.check;
      return opts.check;
    },
    receive: async (_c, order, ctx) => {
      calls.push(`receive ${order.orderId.startsWith("SF-") ? "minted" : order.orderId}`);
      receivedAt.push(ctx.receivedAt);
      const state = opts.receive ?? "taken";
      return state === "taken" ? { state } : { state, lease: ctx.newKey.leaseUntil };
    },
    submit: async (_c, order, ctx) => {
      calls.push(ctx.anchored ? "submit anchored" : "submit");
      receivedAt.push(ctx.receivedAt);
      submitted.push({ orderId: order.orderId, lines: order.lines });
      if (opts.submit instanceof Error) throw opts.submit;
      return opts.submit ?? { ok: true, orderId: order.orderId };
    },
    anchored: async () => {
      calls.push("anchored");
      return opts.anchored ?? false;
    },
    get: async () => null,
    requestCancellation: async () => "not-found",
  };
  const log =
    (level: string) =>
    (obj: Record<string, unknown>, msg: string): void => {
      logs.push({ level, obj, msg });
    };
  const handle = createStorefrontApi({
    basePath: BASE,
    clients: {
      find: async (clientId) => ({
        clientId,
        name: clientId,
        secretHash: "",
        scopes: ["orders:write"],
        rateLimitPerMinute: 100,
        revokedAt: null,
      }),
    },
    // Only verify() is reached on these routes: every token is the client "web".
    tokens: {
      verify: async () => ({ clientId: "web", scopes: ["orders:write"] }),
    } as unknown as AccessTokens,
    // Only hit() is reached: every request is allowed.
    limiter: {
      hit: async (_k: string, limit: number) => ({
        allowed: true,
        limit,
        remaining: limit,
        resetSeconds: 60,
      }),
    } as unknown as SlidingWindowLimiter,
    catalog: {} as never, // not reached by the order route
    images: {} as never,
    customers: {} as never,
    carts: {} as never,
    orders,
    idempotency,
    // The route logs through warn and error only; a pino Logger in production.
    logger: { warn: log("warn"), error: log("error"), info: log("info") } as never,
  });
  const post = async (body: unknown) => {
    const res = await handle(
      new Request(`http://localhost${BASE}/orders`, {
        method: "POST",
        headers: {
          authorization: "Bearer t",
          "content-type": "application/json",
          "idempotency-key": "key-00000001",
        },
        body: JSON.stringify(body),
      }),
    );
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  };
  return { post, calls, logs, submitted, receivedAt };
}

const order = { customerId: "C1", lines: [{ sku: "P1", quantity: 2 }] };
const lines = [{ sku: "P1", quantity: 2 }];
const outOfStock: CheckResult = {
  ok: false,
  problem: { kind: "insufficient-stock", sku: "P1", available: 0 },
  lines,
};

describe("POST /orders and its Idempotency-Key", () => {
  it("submits under the order id the key is bound to, not a new one", async () => {
    const h = harness({
      begin: { state: "resumed", orderId: "SF-BOUND", lease: LEASE },
      check: { ok: true, lines },
    });
    const res = await h.post(order);
    expect(res.status).toBe(202);
    expect(res.body.orderId).toBe("SF-BOUND");
    expect(h.submitted.map((s) => s.orderId)).toEqual(["SF-BOUND"]);
  });

  it("gives a new key back when the checks refuse the order", async () => {
    const h = harness({ begin: { state: "new", orderId: "SF-A", lease: LEASE }, check: outOfStock });
    expect((await h.post(order)).status).toBe(422);
    expect(h.calls).toEqual(["begin minted", "abandon"]);
  });

  it("finishes a resumed order that is in the ledger although the checks refuse it now", async () => {
    const h = harness({
      begin: { state: "resumed", orderId: "SF-A", lease: LEASE },
      check: outOfStock,
      anchored: true,
    });
    const res = await h.post(order);
    expect(res.status).toBe(202);
    expect(res.body.orderId).toBe("SF-A");
    expect(h.submitted).toEqual([{ orderId: "SF-A", lines }]);
    expect(h.calls).not.toContain("abandon");
  });

  it("refuses a resumed order that never reached the ledger, and gives its key back", async () => {
    const h = harness({ begin: { state: "resumed", orderId: "SF-A", lease: LEASE }, check: outOfStock });
    expect((await h.post(order)).status).toBe(422);
    expect(h.calls).toEqual(["begin minted", "anchored", "abandon"]);
  });

  it("keeps the key bound after an error once the submit began, ending only this attempt's lease", async () => {
    const h = harness({
      begin: { state: "new", orderId: "SF-A", lease: LEASE },
      check: { ok: true, lines },
      submit: new DependencyUnavailableError("kafka", "timeout", "no answer"),
    });
    const res = await h.post(order);
    expect(res.status).toBe(503);
    expect(h.calls).toEqual(["receive minted", "begin minted", "submit", "release"]);
  });

  it("keeps a resumed key bound when the checks cannot be made (its order may be in the ledger)", async () => {
    const h = harness({
      begin: { state: "resumed", orderId: "SF-A", lease: LEASE },
      check: new DependencyUnavailableError("read-model", "unreachable", "down"),
    });
    expect((await h.post(order)).status).toBe(503);
    expect(h.calls).toEqual(["begin minted", "release"]);
  });

  it("gives the key back when the order id is another request's (nothing of this one is in the ledger)", async () => {
    const h = harness({
      begin: { state: "new", orderId: "WEB-1001", lease: LEASE },
      check: { ok: true, lines },
      submit: { ok: false, problem: { kind: "duplicate-order", orderId: "WEB-1001" } },
    });
    expect((await h.post({ ...order, orderId: "WEB-1001" })).status).toBe(409);
    expect(h.calls).toEqual(["receive WEB-1001", "begin WEB-1001", "submit", "abandon"]);
  });

  it("binds a new key and anchors its order in one step, then publishes it without anchoring again", async () => {
    const h = harness({ begin: { state: "mismatch" }, check: { ok: true, lines }, receive: "anchored" });
    const res = await h.post(order);
    expect(res.status).toBe(202);
    expect(h.calls).toEqual(["receive minted", "submit anchored"]);
    // One arrival time for the ledger's copy and the Kafka record.
    expect(h.receivedAt).toHaveLength(2);
    expect(h.receivedAt[1]).toBe(h.receivedAt[0]);
  });

  it("keeps a key whose order it anchored bound when publishing fails (the order is in the ledger)", async () => {
    const h = harness({
      begin: { state: "mismatch" },
      check: { ok: true, lines },
      receive: "anchored",
      submit: new DependencyUnavailableError("kafka", "timeout", "no answer"),
    });
    expect((await h.post(order)).status).toBe(503);
    expect(h.calls).toEqual(["receive minted", "submit anchored", "release"]);
  });

  it("lets submit decide on an order id that is in the ledger already, and gives a duplicate's new key back", async () => {
    const h = harness({
      begin: { state: "mismatch" },
      check: { ok: true, lines },
      receive: "bound",
      submit: { ok: false, problem: { kind: "duplicate-order", orderId: "WEB-1001" } },
    });
    expect((await h.post({ ...order, orderId: "WEB-1001" })).status).toBe(409);
    expect(h.calls).toEqual(["receive WEB-1001", "submit", "abandon"]);
  });

  it("takes the key while checks that need the read model read, and anchors the order after them", async () => {
    const h = harness({
      begin: { state: "new", orderId: "SF-A", lease: LEASE },
      check: { ok: true, lines },
      checkMs: 30,
      receive: "anchored",
    });
    expect((await h.post(order)).status).toBe(202);
    // begin ran alongside the checks (before they answered); receive was not asked.
    expect(h.calls).toEqual(["begin minted", "checked", "submit"]);
  });

  it("takes a key seen before through begin: a replay answers what it answered first", async () => {
    const h = harness({
      begin: { state: "replay", status: 202, body: { orderId: "SF-FIRST", status: "RECEIVED" } },
      check: { ok: true, lines },
    });
    const res = await h.post(order);
    expect([res.status, res.headers.get("idempotent-replayed"), res.body.orderId]).toEqual([
      202,
      "true",
      "SF-FIRST",
    ]);
    expect(h.calls).toEqual(["receive minted", "begin minted"]);
  });

  it("tells a concurrent request which order the key is bound to", async () => {
    const h = harness({ begin: { state: "in-progress", orderId: "SF-A" }, check: { ok: true, lines } });
    const res = await h.post(order);
    expect(res.status).toBe(409);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(res.body.orderId).toBe("SF-A");
  });
});

describe("errors from the stores", () => {
  it("answers a store that is down with 503, Retry-After and its name, logged once at warn", async () => {
    const h = harness({
      begin: { state: "new", orderId: "SF-A", lease: LEASE },
      check: { ok: true, lines },
      submit: Object.assign(new Error("Connection error: connect ECONNREFUSED 10.0.0.1:9092"), {
        name: "KafkaJSConnectionError",
      }),
    });
    const res = await h.post(order);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({
      type: "https://errors.icp.example.com/storefront/dependency-unavailable",
      dependency: "kafka",
    });
    expect(JSON.stringify(res.body)).not.toContain("10.0.0.1");
    expect(h.logs.map((l) => [l.level, l.obj.dependency])).toEqual([["warn", "kafka"]]);
  });

  it("still answers a bug with 500, logged as an error", async () => {
    const h = harness({
      begin: { state: "new", orderId: "SF-A", lease: LEASE },
      check: { ok: true, lines },
      submit: new TypeError("cannot read properties of undefined"),
    });
    expect((await h.post(order)).status).toBe(500);
    expect(h.logs.map((l) => l.level)).toEqual(["error"]);
  });
});
