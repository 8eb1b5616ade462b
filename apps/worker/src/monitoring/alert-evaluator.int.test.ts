import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { createLogger } from "@icp/observability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AlertChange, alertEvaluator, alertPayload } from "./alert-evaluator";
import type { AlertReadings } from "./alert-rules";

const quiet: AlertReadings = {
  sapCreates: { errors: 0, successes: 5 },
  ordersDelayed: 0,
  breaker: "closed",
  lagByGroup: [],
  openFailures: 0,
  openPoison: 0,
  disabledWebhooks: [],
  drains: [],
};

let db: Db;
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 4 });
}, 60_000);
afterAll(async () => {
  await db.close();
  await database.drop();
});

describe("the alert evaluator", () => {
  it("fires once, keeps firing quietly, resolves once: each change in state, history, audit and the channel", async () => {
    let readings = quiet;
    const sent: AlertChange[] = [];
    const evaluate = alertEvaluator({
      db,
      read: async () => readings,
      notify: async (c) => {
        sent.push(c);
        return 1;
      },
      logger: createLogger({ service: "test" }),
    });
    const started = new Date();
    expect(await evaluate()).toEqual([]);

    readings = { ...quiet, sapCreates: { errors: 22, successes: 0 }, ordersDelayed: 22 };
    expect((await evaluate())?.map((c) => [c.key, c.state])).toEqual([
      ["sap_create_errors", "FIRING"],
      ["backlog_delayed", "FIRING"],
    ]);
    expect(await evaluate()).toEqual([]);
    const firing = await db.alertState.findMany({ where: { state: "FIRING" }, orderBy: { key: "asc" } });
    expect(firing.map((f) => f.key)).toEqual(["backlog_delayed", "sap_create_errors"]);

    readings = quiet;
    expect((await evaluate())?.map((c) => c.state)).toEqual(["RESOLVED", "RESOLVED"]);
    expect(await db.alertState.count({ where: { state: "FIRING" } })).toBe(0);

    const history = await db.alertEvent.findMany({ where: { at: { gte: started } }, orderBy: { at: "asc" } });
    expect(history.map((h) => `${h.key}:${h.state}:${h.notified}`).sort()).toEqual([
      "backlog_delayed:FIRING:1",
      "backlog_delayed:RESOLVED:1",
      "sap_create_errors:FIRING:1",
      "sap_create_errors:RESOLVED:1",
    ]);
    const audit = await db.auditLog.findMany({
      where: { actorId: "system:alert-evaluator", at: { gte: started } },
    });
    expect(audit.map((a) => `${a.targetId}:${a.action}`).sort()).toEqual([
      "backlog_delayed:alert.fire",
      "backlog_delayed:alert.resolve",
      "sap_create_errors:alert.fire",
      "sap_create_errors:alert.resolve",
    ]);
    expect(sent).toHaveLength(4);
    expect(String(alertPayload(sent[0] as AlertChange).text)).toContain(
      "[FIRING] SAP order creates are failing",
    );
  });

  it("a stalled backlog fires with no value (infinite), stored as such in state, history and the channel", async () => {
    const stalled = {
      kind: "QUEUE" as const,
      name: "orders-to-sap",
      backlog: 21,
      seconds: null,
      stalled: true,
    };
    const sent: AlertChange[] = [];
    let readings: AlertReadings = { ...quiet, drains: [stalled] };
    const evaluate = alertEvaluator({
      db,
      read: async () => readings,
      notify: async (c) => {
        sent.push(c);
        return 0;
      },
      logger: createLogger({ service: "test" }),
    });
    const key = "time_to_drain:queue:orders-to-sap";
    expect((await evaluate())?.map((c) => [c.key, c.state, c.value])).toEqual([[key, "FIRING", null]]);
    expect((await db.alertState.findUniqueOrThrow({ where: { key } })).value).toBeNull();
    expect((await db.alertEvent.findFirstOrThrow({ where: { key } })).value).toBeNull();
    expect((alertPayload(sent[0] as AlertChange).data as { value: unknown }).value).toBeNull();
    readings = quiet;
    expect((await evaluate())?.map((c) => [c.key, c.state])).toEqual([[key, "RESOLVED"]]);
  });

  it("two evaluators at once: one evaluates, the other stands aside", async () => {
    const mk = () =>
      alertEvaluator({
        db,
        read: async () => ({ ...quiet, openPoison: 3 }),
        notify: async () => 0,
        logger: createLogger({ service: "test" }),
      });
    const results = await Promise.all([mk()(), mk()(), mk()()]);
    const fired = results.flatMap((r) => r ?? []).filter((c) => c.key === "dlq_unhandled");
    expect(fired).toHaveLength(1);
    await alertEvaluator({
      db,
      read: async () => quiet,
      notify: async () => 0,
      logger: createLogger({ service: "t" }),
    })();
  });
});
