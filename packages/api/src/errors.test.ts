import { RedisUnavailableError } from "@icp/messaging";
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { APP_ERRORS, AppError, appCodeOf, appError } from "./errors";
import { contextFor, fakeServices } from "./testing";
import { createCallerFactory, procedureFor, router } from "./trpc";

const testRouter = router({
  redisDown: procedureFor("console.read").query(() => {
    throw new RedisUnavailableError("reconnecting");
  }),
  running: procedureFor("console.read").query(() => {
    throw appError("SYNC_ALREADY_RUNNING", "A PRODUCTS resync is already running.");
  }),
  bug: procedureFor("console.read").query(() => {
    throw new Error("boom");
  }),
});
const caller = createCallerFactory(testRouter)(contextFor("viewer", fakeServices({})));
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  );
const appCodeOnTheWire = (error: TRPCError) =>
  getTRPCErrorShape({
    config: testRouter._def._config,
    error,
    type: "query",
    path: "x",
    input: undefined,
    ctx: undefined,
  }).data.appCode;

describe("the console API's error table", () => {
  it("gives each app code its tRPC code once: appError takes only the app code", () => {
    const e = appError("FAILURE_CHANGED", "reload");
    expect(e.code).toBe(APP_ERRORS.FAILURE_CHANGED.code);
    expect(e.cause).toBeInstanceOf(AppError);
    expect(appCodeOf(e.cause)).toBe("FAILURE_CHANGED");
  });

  it("a RedisUnavailableError a procedure lets through is SERVICE_UNAVAILABLE with app code REDIS_UNAVAILABLE", async () => {
    const e = await failure(caller.redisDown());
    expect(e?.code).toBe("SERVICE_UNAVAILABLE");
    expect(e?.cause).toBeInstanceOf(RedisUnavailableError);
    expect(appCodeOnTheWire(e as TRPCError)).toBe("REDIS_UNAVAILABLE");
  });

  it("an app error keeps its code and app code; anything else stays an internal error without one", async () => {
    const running = await failure(caller.running());
    expect([running?.code, appCodeOnTheWire(running as TRPCError)]).toEqual([
      "CONFLICT",
      "SYNC_ALREADY_RUNNING",
    ]);
    const bug = await failure(caller.bug());
    expect([bug?.code, appCodeOnTheWire(bug as TRPCError)]).toEqual(["INTERNAL_SERVER_ERROR", undefined]);
  });

  it("reads no app code from an error whose code is not in the table", () => {
    expect(appCodeOf(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBeUndefined();
    expect(appCodeOf(new TRPCError({ code: "NOT_FOUND" }))).toBeUndefined();
  });
});
