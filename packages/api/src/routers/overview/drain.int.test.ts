import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor, fakeServices } from "../../testing";
import { activeAlerts } from "./alerts";
import { drainHistory, latestDrains } from "./drain";

/**
 * What the Overview reads of the time to drain, on a real PostgreSQL: the latest figure per
 * queue and group/topic (nothing stale), the chart's buckets (a stalled sweep keeps its bucket
 * stalled), and the live time_to_drain alert with the threshold from Settings.
 */
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 2 });
}, 120_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const ago = (ms: number) => new Date(Date.now() - ms);

describe("the Overview's time to drain", () => {
  it("shows the latest figure per queue and group, draws stalled buckets, and alerts above the threshold", async () => {
    await db.drainSample.createMany({
      data: [
        // the orders queue: measured, then stalled in the newest sweep
        { at: ago(8_000), kind: "QUEUE", name: "orders-to-sap", backlog: 21n, perSecond: 2, seconds: 10.5 },
        { at: ago(2_000), kind: "QUEUE", name: "orders-to-sap", backlog: 21n, perSecond: 0, stalled: true },
        // the orders group: a long drain
        {
          at: ago(2_000),
          kind: "TOPIC",
          name: "icp.orders-to-sap / orders",
          backlog: 300n,
          perSecond: 2,
          seconds: 150,
        },
        // a queue nobody sampled for 20 minutes says nothing about now, nor is it in a 15 min chart
        { at: ago(20 * 60_000), kind: "QUEUE", name: "webhooks", backlog: 5n, perSecond: 0, stalled: true },
      ],
    });
    const latest = await latestDrains(db);
    expect(latest.map((r) => [r.kind, r.name, r.backlog, r.seconds, r.stalled])).toEqual([
      ["QUEUE", "orders-to-sap", 21, null, true],
      ["TOPIC", "icp.orders-to-sap / orders", 300, 150, false],
    ]);

    const history = await drainHistory(db, 15);
    const queue = history.find((s) => s.kind === "QUEUE" && s.name === "orders-to-sap");
    expect(queue?.points.some((p) => p.stalled)).toBe(true);
    expect(queue?.points.some((p) => p.v === 10.5)).toBe(true);
    expect(history.find((s) => s.name === "webhooks")).toBeUndefined();

    // Threshold 120 s: the stalled queue and the 150 s group fire; at 200 s only the stalled one.
    const ctx = contextFor("viewer", fakeServices({ db }));
    const ids = async () =>
      (await activeAlerts({ ctx })).alerts.map((a) => a.id).filter((id) => id.startsWith("time_to_drain"));
    await db.alertRule.update({ where: { id: "time_to_drain" }, data: { threshold: 120 } });
    expect((await ids()).sort()).toEqual([
      "time_to_drain:queue:orders-to-sap",
      "time_to_drain:topic:icp.orders-to-sap / orders",
    ]);
    await db.alertRule.update({ where: { id: "time_to_drain" }, data: { threshold: 200 } });
    expect(await ids()).toEqual(["time_to_drain:queue:orders-to-sap"]);
    // Switched off in Settings: none.
    await db.alertRule.update({ where: { id: "time_to_drain" }, data: { enabled: false } });
    expect(await ids()).toEqual([]);
  });
});
