import type { Db } from "@icp/db";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contextFor, fakeServices } from "./testing";
import { createCallerFactory, mutationFor, router } from "./trpc";

function recordingDb() {
  const rows: Record<string, unknown>[] = [];
  const db = {
    auditLog: {
      create: async ({ data }: { data: Record<string, unknown> }) => {
        rows.push(data);
        return data;
      },
    },
  };
  return { rows, db: db as unknown as Db };
}

const testRouter = router({
  forgets: mutationFor("failures.retry").mutation(() => "done"),
  audits: mutationFor("failures.retry")
    .input(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit({
        action: "thing.poke",
        targetType: "thing",
        targetId: input.id,
        reason: "why",
        before: { n: 1n },
        after: { n: 2 },
      });
      return "done";
    }),
  fails: mutationFor("failures.retry").mutation(() => {
    throw new Error("boom");
  }),
});

describe("mutationFor", () => {
  it("fails a successful mutation that wrote no audit entry", async () => {
    const { db } = recordingDb();
    const caller = createCallerFactory(testRouter)(contextFor("operator", fakeServices({ db })));
    await expect(caller.forgets()).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
      message: expect.stringMatching(/no audit entry/),
    });
  });

  it("writes who, mapped role, ip and request id with the entry", async () => {
    const { db, rows } = recordingDb();
    const caller = createCallerFactory(testRouter)(contextFor("admin", fakeServices({ db })));
    await expect(caller.audits({ id: "t1" })).resolves.toBe("done");
    expect(rows).toEqual([
      expect.objectContaining({
        actorId: "u-admin",
        actorEmail: "admin@example.test",
        actorRole: "ADMIN",
        action: "thing.poke",
        targetType: "thing",
        targetId: "t1",
        reason: "why",
        before: { n: "1" },
        after: { n: 2 },
        ip: "10.0.0.1",
        requestId: "req-1",
      }),
    ]);
  });

  it("lets a failing mutation fail with its own error, not the audit one", async () => {
    const { db, rows } = recordingDb();
    const caller = createCallerFactory(testRouter)(contextFor("operator", fakeServices({ db })));
    await expect(caller.fails()).rejects.toMatchObject({ message: "boom" });
    expect(rows).toEqual([]);
  });
});
