import type { OrderSubmitted, SalesOrderDeepInsert } from "@icp/domain";
import type { Booking, Claim, PushFailure } from "@icp/orders";
import { UnrecoverableError } from "bullmq";
import { describe, expect, it } from "vitest";
import {
  BookingNotRecorded,
  type DuplicateHandler,
  type ErrorClassifier,
  type OrderJob,
  type PushLedger,
  pushOrderToSap,
  SalesOrderNumberTaken,
  type SalesOrderPort,
  type StorefrontOrders,
} from "./push-order";
import { anOrder, recordingLogger, thrownBy } from "./testing";

/** What SAP says about one order: an error class the fake classifier understands. */
class FakeSapError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code?: string,
  ) {
    super(message);
  }
}

const classify: ErrorClassifier = (err) => {
  const e = err as FakeSapError;
  return {
    errorClass: e.retryable ? "TRANSIENT" : "BUSINESS",
    code: e.code ?? (e.retryable ? "SAP_UNAVAILABLE" : "SAP_BUSINESS_ERROR"),
    message: e.message,
    retryable: e.retryable,
  };
};

/**
 * SAP's create as `createSalesOrderOnce` behaves: a lookup when the order may exist, then the
 * caller's fence, then the create. `sent` holds only creates that passed the fence.
 */
function fakeSap(
  answer: { salesOrder: string; refusedAsDuplicate?: boolean } | Error,
  /** What happens between the fence and the wire (a stall: the process frozen there). */
  betweenFenceAndWire?: () => Promise<void>,
) {
  const sent: SalesOrderDeepInsert[] = [];
  const calls: { mayExist: boolean }[] = [];
  const sap: SalesOrderPort = {
    async createSalesOrderOnce(body, opts) {
      calls.push({ mayExist: opts.mayExist });
      const lastCheck = await opts.beforeCreate?.();
      await betweenFenceAndWire?.();
      lastCheck?.(); // as the transport does: synchronously, right before the write
      sent.push(body);
      if (answer instanceof Error) throw answer;
      return {
        salesOrder: answer.salesOrder,
        created: !answer.refusedAsDuplicate,
        ...(answer.refusedAsDuplicate ? { refusedAsDuplicate: true } : {}),
      };
    },
  };
  return { sap, sent, calls };
}

function fakeLedger(
  script: {
    claim?: Claim;
    holdsClaim?: boolean;
    booking?: Booking | Error;
    failed?: "failed" | "booked";
  } = {},
) {
  const claims: { orderId: string; owner: string; attempt: number }[] = [];
  const created: { orderId: string; salesOrder: string; createdNow: boolean; epoch?: number }[] = [];
  const failed: { orderId: string; failure: PushFailure; attempts: number }[] = [];
  const retrying: { orderId: string; failure: PushFailure; attempt: number }[] = [];
  const ledger: PushLedger = {
    async claimSubmission(order, runner) {
      claims.push({ orderId: order.orderId, owner: runner.owner, attempt: runner.attempt });
      return script.claim ?? { kind: "claimed", epoch: 3, submittedBefore: false };
    },
    async holdsClaim() {
      return script.holdsClaim ?? true;
    },
    async markCreated(orderId, salesOrder, detail) {
      created.push({ orderId, salesOrder, createdNow: detail.createdNow, epoch: detail.epoch });
      if (script.booking instanceof Error) throw script.booking;
      return script.booking ?? { kind: "booked" };
    },
    async markFailed(order, failure, attempts) {
      failed.push({ orderId: order.orderId, failure, attempts });
      return script.failed ?? "failed";
    },
    async markRetrying(orderId, failure, attempt) {
      retrying.push({ orderId, failure, attempt });
    },
  };
  return { ledger, claims, created, failed, retrying };
}

function fakeStorefront() {
  const told: string[] = [];
  const storefront: StorefrontOrders = {
    async accepted(orderId, salesOrder) {
      told.push(`${orderId} ACCEPTED ${salesOrder}`);
    },
    async failed(orderId, message) {
      told.push(`${orderId} FAILED ${message}`);
    },
  };
  return { storefront, told };
}

function aJob(order: OrderSubmitted, over: Partial<Omit<OrderJob, "data">> & { lockHeld?: boolean } = {}) {
  const { lockHeld = true, ...rest } = over;
  const lockExtensions: { token: string; duration: number }[] = [];
  const job: OrderJob = {
    data: { order },
    attemptsMade: 0,
    opts: { attempts: 8 },
    timestamp: Date.parse("2026-12-04T10:00:01.000Z"),
    token: "token-1",
    async extendLock(token, duration) {
      lockExtensions.push({ token, duration });
      return lockHeld ? 1 : 0;
    },
    ...rest,
  };
  return { job, lockExtensions };
}

function setUp(
  opts: {
    sap?: Parameters<typeof fakeSap>[0];
    ledger?: Parameters<typeof fakeLedger>[0];
    stall?: () => Promise<void>;
    lockDurationMs?: number;
  } = {},
) {
  const sap = fakeSap(opts.sap ?? { salesOrder: "4711" }, opts.stall);
  const ledger = fakeLedger(opts.ledger);
  const storefront = fakeStorefront();
  const duplicates: Parameters<DuplicateHandler>[0][] = [];
  const { logger, lines } = recordingLogger();
  const push = pushOrderToSap({
    sap: sap.sap,
    ledger: ledger.ledger,
    storefront: storefront.storefront,
    classify,
    onDuplicate: async (found) => {
      duplicates.push(found);
    },
    logger,
    workerId: "worker-a",
    lockDurationMs: opts.lockDurationMs ?? 30_000,
  });
  return { push, sap, ledger, storefront, duplicates, logs: lines };
}

describe("pushOrderToSap", () => {
  it("books an order on the first try: one create, recorded under the claim, the storefront told accepted", async () => {
    const t = setUp({ sap: { salesOrder: "4711" } });
    const order = anOrder();
    const { job, lockExtensions } = aJob(order);

    const result = await t.push(job);

    expect(result).toEqual({ salesOrder: "4711", createdNow: true, outcome: "booked" });
    expect(t.sap.sent).toHaveLength(1);
    expect(t.sap.sent[0]?.PurchaseOrderByCustomer).toBe(order.orderId);
    expect(t.ledger.claims).toEqual([{ orderId: order.orderId, owner: "worker-a/token-1", attempt: 1 }]);
    expect(t.ledger.created).toEqual([
      { orderId: order.orderId, salesOrder: "4711", createdNow: true, epoch: 3 },
    ]);
    expect(lockExtensions).toEqual([{ token: "token-1", duration: 30_000 }]);
    expect(t.storefront.told).toEqual([`${order.orderId} ACCEPTED 4711`]);
    expect(t.ledger.failed).toEqual([]);
    expect(t.ledger.retrying).toEqual([]);
  });

  it("a claim that finds the order booked marks the storefront accepted without calling SAP", async () => {
    const t = setUp({ ledger: { claim: { kind: "booked", salesOrder: "4712" } } });
    const order = anOrder();

    const result = await t.push(aJob(order, { attemptsMade: 2 }).job);

    expect(result).toEqual({ salesOrder: "4712", createdNow: false, outcome: "booked", alreadyBooked: true });
    expect(t.sap.calls).toEqual([]);
    expect(t.ledger.created).toEqual([]);
    expect(t.storefront.told).toEqual([`${order.orderId} ACCEPTED 4712`]);
  });

  it.each(["DISCARDED", "CANCELLED"] as const)(
    "an order closed as %s sends nothing to SAP and tells the storefront nothing",
    async (state) => {
      const t = setUp({ ledger: { claim: { kind: "closed", state } } });

      const result = await t.push(aJob(anOrder()).job);

      expect(result).toEqual({ createdNow: false, outcome: "closed" });
      expect(t.sap.calls).toEqual([]);
      expect(t.ledger.created).toEqual([]);
      expect(t.ledger.failed).toEqual([]);
      expect(t.storefront.told).toEqual([]);
    },
  );

  it("a runner that lost its BullMQ lock sends nothing and ends fenced out, not failed", async () => {
    const t = setUp();
    const { job, lockExtensions } = aJob(anOrder(), { lockHeld: false });

    const result = await t.push(job);

    expect(result).toEqual({ createdNow: false, outcome: "fenced-out" });
    expect(lockExtensions).toHaveLength(1);
    expect(t.sap.calls).toHaveLength(1); // it reached the fence ...
    expect(t.sap.sent).toEqual([]); // ... and the create never went out
    expect(t.ledger.created).toEqual([]);
    expect(t.ledger.failed).toEqual([]);
    expect(t.ledger.retrying).toEqual([]);
    expect(t.storefront.told).toEqual([]);
    expect(t.logs.some((l) => l["log.level"] === "warn" && l.message === "order create fenced out")).toBe(
      true,
    );
  });

  it("a runner stalled between its fence and the wire past half its lock sends nothing (a freeze after the fence)", async () => {
    const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
    // lock 1 s: the fence counts on 500 ms; frozen 700 ms after it, the create must not go
    const late = setUp({ lockDurationMs: 1_000, stall: () => sleep(700) });
    expect(await late.push(aJob(anOrder()).job)).toEqual({ createdNow: false, outcome: "fenced-out" });
    expect(late.sap.calls).toHaveLength(1);
    expect(late.sap.sent).toEqual([]);
    expect(late.ledger.created).toEqual([]);
    expect(late.ledger.failed).toEqual([]);
    expect(
      late.logs.some(
        (l) => l.message === "order create fenced out" && /stalled between its fence/.test(JSON.stringify(l)),
      ),
    ).toBe(true);
    // a short pause well inside the lock sends as usual
    const onTime = setUp({ lockDurationMs: 1_000, stall: () => sleep(5) });
    expect(await onTime.push(aJob(anOrder()).job)).toMatchObject({ outcome: "booked", createdNow: true });
    expect(onTime.sap.sent).toHaveLength(1);
  });

  it("a runner whose claim was superseded sends nothing and ends fenced out, not failed", async () => {
    const t = setUp({ ledger: { holdsClaim: false } });

    const result = await t.push(aJob(anOrder(), { attemptsMade: 7 }).job);

    expect(result).toEqual({ createdNow: false, outcome: "fenced-out" });
    expect(t.sap.calls).toHaveLength(1);
    expect(t.sap.sent).toEqual([]);
    expect(t.ledger.created).toEqual([]);
    expect(t.ledger.failed).toEqual([]); // even on its last attempt
    expect(t.ledger.retrying).toEqual([]);
    expect(t.storefront.told).toEqual([]);
  });

  it("a retryable SAP error marks the order retrying and rethrows it for BullMQ's backoff", async () => {
    const unavailable = new FakeSapError("SAP answered 503", true);
    const t = setUp({ sap: unavailable });
    const order = anOrder();

    const err = await thrownBy(() => t.push(aJob(order, { attemptsMade: 2 }).job));

    expect(err).toBe(unavailable);
    expect(t.ledger.retrying).toEqual([
      {
        orderId: order.orderId,
        attempt: 3,
        failure: {
          errorClass: "TRANSIENT",
          code: "SAP_UNAVAILABLE",
          message: "SAP answered 503",
          retryable: true,
        },
      },
    ]);
    expect(t.ledger.failed).toEqual([]);
    expect(t.storefront.told).toEqual([]);
  });

  it("a create the open circuit refused waits without spending an attempt, even on its last one", async () => {
    const refused = new FakeSapError("SAP calls are suspended", true, "SAP_CIRCUIT_OPEN");
    const t = setUp({ sap: refused });
    const order = anOrder();
    const delays: { until: number; token?: string }[] = [];
    const { job } = aJob(order, {
      attemptsMade: 7,
      async moveToDelayed(until, token) {
        delays.push({ until, ...(token ? { token } : {}) });
      },
    });

    const err = await thrownBy(() => t.push(job));

    expect((err as Error).name).toBe("DelayedError");
    expect(delays).toHaveLength(1);
    expect(delays[0]?.token).toBe("token-1");
    expect(delays[0]?.until).toBeGreaterThan(Date.now());
    expect(t.ledger.failed).toEqual([]);
    // Seen on the order's timeline (and by the SAP-create alert), not as a spent attempt.
    expect(t.ledger.retrying.map((r) => r.failure.code)).toEqual(["SAP_CIRCUIT_OPEN"]);
    expect(t.storefront.told).toEqual([]);
  });

  it("the last attempt marks the order failed once and tells the storefront", async () => {
    const unavailable = new FakeSapError("SAP answered 503", true);
    const t = setUp({ sap: unavailable });
    const order = anOrder();

    const err = await thrownBy(() => t.push(aJob(order, { attemptsMade: 7, opts: { attempts: 8 } }).job));

    expect(err).toBe(unavailable);
    expect(t.ledger.failed).toHaveLength(1);
    expect(t.ledger.failed[0]).toMatchObject({ orderId: order.orderId, attempts: 8 });
    expect(t.ledger.retrying).toEqual([]);
    expect(t.storefront.told).toEqual([`${order.orderId} FAILED SAP answered 503`]);
  });

  it("a last attempt that finds the order booked meanwhile does not tell the storefront it failed", async () => {
    const t = setUp({ sap: new FakeSapError("SAP answered 503", true), ledger: { failed: "booked" } });

    await thrownBy(() => t.push(aJob(anOrder(), { attemptsMade: 7 }).job));

    expect(t.ledger.failed).toHaveLength(1);
    expect(t.storefront.told).toEqual([]);
  });

  it("SAP booked but the ledger could not record it: retried as such, not as an SAP failure", async () => {
    const dbDown = new Error("Can't reach database server");
    const t = setUp({ sap: { salesOrder: "4711" }, ledger: { booking: dbDown } });
    const order = anOrder();

    const err = await thrownBy(() => t.push(aJob(order, { attemptsMade: 1, opts: { attempts: 8 } }).job));

    expect(err).toBeInstanceOf(BookingNotRecorded);
    expect((err as BookingNotRecorded).cause).toBe(dbDown);
    expect(t.ledger.retrying).toEqual([
      {
        orderId: order.orderId,
        attempt: 2,
        failure: expect.objectContaining({ code: "BOOKING_NOT_RECORDED", errorClass: "TRANSIENT" }),
      },
    ]);
    expect(t.ledger.failed).toEqual([]);
    expect(t.storefront.told).toEqual([]);
  });

  it("on the last attempt it leaves a failure naming SAP's sales order, and never tells the storefront the order failed", async () => {
    const t = setUp({ sap: { salesOrder: "4711" }, ledger: { booking: new Error("deadlock detected") } });
    const order = anOrder();

    await thrownBy(() => t.push(aJob(order, { attemptsMade: 7, opts: { attempts: 8 } }).job));

    expect(t.ledger.failed).toHaveLength(1);
    expect(t.ledger.failed[0]?.failure.message).toContain("SAP booked sales order 4711");
    expect(t.storefront.told).toEqual([]);
  });

  it("SAP's number already linked to another order fails at once, naming both orders, and the storefront is not told", async () => {
    const t = setUp({
      sap: { salesOrder: "4711" },
      ledger: { booking: { kind: "number-taken", holder: "SF-OTHER" } },
    });
    const order = anOrder();

    const err = await thrownBy(() => t.push(aJob(order, { attemptsMade: 0, opts: { attempts: 8 } }).job));

    expect(err).toBeInstanceOf(UnrecoverableError);
    expect(t.ledger.retrying).toEqual([]);
    expect(t.ledger.failed).toHaveLength(1);
    const failure = t.ledger.failed[0]?.failure;
    expect(failure).toMatchObject({ code: "SALES_ORDER_NUMBER_TAKEN", errorClass: "BUSINESS" });
    expect(failure?.message).toBe(
      `SAP booked sales order 4711 for order ${order.orderId}, but the ledger could not record it: the ledger ` +
        "links sales order 4711 to order SF-OTHER already — SAP gave one number to two orders, which one SAP " +
        "system does not: check which SAP system and client the worker talks to",
    );
    expect(new SalesOrderNumberTaken(order.orderId, "4711", "SF-OTHER")).toBeInstanceOf(Error);
    expect(t.storefront.told).toEqual([]);
  });

  it("a business error stops BullMQ's retries at once with an UnrecoverableError", async () => {
    const t = setUp({ sap: new FakeSapError("material TG-0001 is blocked", false) });
    const order = anOrder();

    const err = await thrownBy(() => t.push(aJob(order, { attemptsMade: 0, opts: { attempts: 8 } }).job));

    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toBe("material TG-0001 is blocked");
    expect(t.ledger.failed).toHaveLength(1);
    expect(t.ledger.failed[0]?.failure.errorClass).toBe("BUSINESS");
    expect(t.ledger.retrying).toEqual([]);
    expect(t.storefront.told).toEqual([`${order.orderId} FAILED material TG-0001 is blocked`]);
  });

  it("a booking the ledger answers with another sales order hands the duplicate over and keeps the ledger's number", async () => {
    const t = setUp({
      sap: { salesOrder: "4799" },
      ledger: { booking: { kind: "conflict", booked: "4711" } },
    });
    const order = anOrder();

    const result = await t.push(aJob(order).job);

    expect(result).toEqual({ salesOrder: "4711", createdNow: false, outcome: "booked" });
    expect(t.duplicates).toEqual([
      {
        orderId: order.orderId,
        booked: "4711",
        duplicate: "4799",
        how: expect.stringMatching(/^found at booking/),
      },
    ]);
    expect(t.storefront.told).toEqual([`${order.orderId} ACCEPTED 4711`]);
  });

  it("a create SAP refused as a duplicate purchase order is recorded as booked, not created now", async () => {
    const t = setUp({ sap: { salesOrder: "4711", refusedAsDuplicate: true } });
    const order = anOrder();

    const result = await t.push(aJob(order).job);

    expect(result).toEqual({ salesOrder: "4711", createdNow: false, outcome: "booked" });
    expect(t.ledger.created).toEqual([
      { orderId: order.orderId, salesOrder: "4711", createdNow: false, epoch: 3 },
    ]);
  });

  it.each([
    { submittedBefore: false, attemptsMade: 0, mayExist: false },
    { submittedBefore: true, attemptsMade: 0, mayExist: true },
    { submittedBefore: false, attemptsMade: 1, mayExist: true },
    { submittedBefore: true, attemptsMade: 4, mayExist: true },
  ])(
    "SAP is asked whether the order exists ($mayExist) when a create was sent before ($submittedBefore) or on a retry (attempts made: $attemptsMade)",
    async ({ submittedBefore, attemptsMade, mayExist }) => {
      const t = setUp({ ledger: { claim: { kind: "claimed", epoch: 1, submittedBefore } } });

      await t.push(aJob(anOrder(), { attemptsMade }).job);

      expect(t.sap.calls).toEqual([{ mayExist }]);
    },
  );
});
