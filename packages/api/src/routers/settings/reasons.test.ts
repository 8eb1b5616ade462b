import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { contextFor, fakeServices, untouchableDb } from "../../testing";
import { createCallerFactory } from "../../trpc";

/**
 * Settings' destructive actions need a reason the server checks (the console's confirmation asks
 * for one, but a forced call must not get round it): a missing, blank or too-short reason is
 * BAD_REQUEST before any data is read or written (the database here fails on any use).
 */
const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;
const ID = "0193a3c0-0000-7000-8000-00000000000a";
const CASES: [string, (c: Caller, reason?: string) => Promise<unknown>][] = [
  ["apiClients.revoke", (c, reason) => c.settings.apiClients.revoke({ id: ID, reason } as never)],
  ["apiClients.rotateSecret", (c, reason) => c.settings.apiClients.rotateSecret({ id: ID, reason } as never)],
  ["webhooks.delete", (c, reason) => c.settings.webhooks.delete({ id: ID, reason } as never)],
  [
    "alerts.updateRule",
    (c, reason) =>
      c.settings.alerts.updateRule({ id: "consumer_lag", threshold: 10, enabled: false, reason } as never),
  ],
];

describe("settings actions that need a reason", () => {
  it.each(CASES)(
    "%s without a reason (missing, blank, 2 characters) is BAD_REQUEST and touches nothing",
    async (_name, call) => {
      for (const reason of [undefined, "", "   ", "ab"]) {
        const touched: string[] = [];
        const caller = createCaller(contextFor("admin", fakeServices({ db: untouchableDb(touched) })));
        const err = await call(caller, reason).catch((e: unknown) => e);
        expect(err, `reason ${JSON.stringify(reason)}`).toBeInstanceOf(TRPCError);
        expect(err).toMatchObject({ code: "BAD_REQUEST" });
        expect(String((err as Error).message)).toMatch(/reason/i);
        expect(touched).toEqual([]);
      }
    },
  );

  it.each(CASES)("%s with a reason gets past the check (to the database)", async (_name, call) => {
    const touched: string[] = [];
    const caller = createCaller(contextFor("admin", fakeServices({ db: untouchableDb(touched) })));
    // The untouchable database throws on first use: reaching it shows the reason was accepted.
    await call(caller, "rotating after the leak").catch(() => {});
    expect(touched.length).toBeGreaterThan(0);
  });
});
