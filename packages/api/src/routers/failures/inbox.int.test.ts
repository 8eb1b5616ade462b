import { randomUUID } from "node:crypto";
import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../permissions";
import { appRouter } from "../../root";
import { contextFor, fakeServices, refusal } from "../../testing";
import { createCallerFactory } from "../../trpc";
import { BULK_CAP } from "./schema";

/**
 * The error inbox on the real PostgreSQL: causes grouped (SAP code, webhook endpoint, SKU), the
 * dry run of a bulk action, bulk discard through the failure state table (audited per row and
 * once for the bulk action), the cap, the reason, and ownership and tags.
 */
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 4 });
}, 60_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const as = (role: Role) => createCallerFactory(appRouter)(contextFor(role, fakeServices({ db }))).failures;

type State = "OPEN" | "RETRYING" | "RESOLVED" | "DISCARDED";
type Flow = "ORDERS" | "INVENTORY" | "WEBHOOK";

/** `n` failures with keys `<prefix>-<i>`, created a minute apart (the first is the oldest). */
async function seed(
  prefix: string,
  n: number,
  over: { flow?: Flow; state?: State; payload?: unknown; sapErrorCode?: string; orderLinkId?: string } = {},
) {
  const base = Date.now() - n * 60_000;
  await db.failureRecord.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      flow: over.flow ?? "WEBHOOK",
      errorClass: "TRANSIENT" as const,
      state: over.state ?? "OPEN",
      message: "endpoint answered 500",
      sapErrorCode: over.sapErrorCode ?? null,
      payload: (over.payload ?? { n: i }) as object,
      entityKey: `${prefix}-${i}`,
      createdAt: new Date(base + i * 60_000),
      ...(over.orderLinkId ? { orderLinkId: over.orderLinkId } : {}),
    })),
  });
}

const statesOf = async (prefix: string) => {
  const rows = await db.failureRecord.groupBy({
    by: ["state"],
    where: { entityKey: { startsWith: `${prefix}-` } },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
};

async function endpoint(name: string) {
  return db.webhookEndpoint.create({
    data: { name, url: `http://127.0.0.1:9/${name}`, secretRef: "env:WH", events: ["x"], createdBy: "test" },
  });
}
const webhookPayload = (endpointId: string) => ({
  deliveryId: randomUUID(),
  endpointId,
  eventId: randomUUID(),
});
const auditCount = () => db.auditLog.count();

describe("groups of open failures", () => {
  it("counts open failures per webhook endpoint with the endpoint's name and the oldest, and the group's filter lists exactly them", async () => {
    const a = await endpoint(`shop-a-${randomUUID().slice(0, 6)}`);
    const b = await endpoint(`shop-b-${randomUUID().slice(0, 6)}`);
    const p = `grp-${randomUUID().slice(0, 8)}`;
    await seed(`${p}-a`, 7, { payload: webhookPayload(a.id) });
    await seed(`${p}-a-done`, 2, { payload: webhookPayload(a.id), state: "RESOLVED" });
    await seed(`${p}-b`, 3, { payload: webhookPayload(b.id) });
    const groups = await as("viewer").groups({ by: "endpoint" });
    const ga = groups.find((g) => g.key === a.id);
    const gb = groups.find((g) => g.key === b.id);
    expect(ga).toMatchObject({ label: a.name, count: 7 });
    expect(gb).toMatchObject({ label: b.name, count: 3 });
    const oldest = await db.failureRecord.findFirstOrThrow({ where: { entityKey: `${p}-a-0` } });
    expect(ga?.oldestAt.getTime()).toBe(oldest.createdAt.getTime());
    expect(groups.indexOf(ga as never)).toBeLessThan(groups.indexOf(gb as never));

    const list = await as("viewer").list({ filter: { state: "OPEN", endpointId: a.id }, pageSize: 50 });
    expect(list.total).toBe(7);
    expect(new Set(list.rows.map((r) => r.entityKey?.slice(0, `${p}-a-`.length)))).toEqual(
      new Set([`${p}-a-`]),
    );
  });

  it("counts an order's failure under each SKU of its lines and a stock failure under its material; the SKU filter finds both kinds", async () => {
    const s1 = `SKU-${randomUUID().slice(0, 6)}`;
    const s2 = `SKU-${randomUUID().slice(0, 6)}`;
    const p = `sku-${randomUUID().slice(0, 8)}`;
    await seed(`${p}-o`, 2, { flow: "ORDERS", payload: { orderId: "x", lines: [{ sku: s1 }, { sku: s2 }] } });
    await seed(`${p}-i`, 1, { flow: "INVENTORY", payload: { material: s1, plant: "1010" } });
    await seed(`${p}-r`, 4, { flow: "ORDERS", state: "DISCARDED", payload: { lines: [{ sku: s1 }] } });
    const groups = await as("viewer").groups({ by: "sku" });
    expect(groups.find((g) => g.key === s1)?.count).toBe(3);
    expect(groups.find((g) => g.key === s2)?.count).toBe(2);
    const list = await as("viewer").list({ filter: { state: "OPEN", sku: s1 } });
    expect(list.rows.map((r) => r.flow).sort()).toEqual(["INVENTORY", "ORDERS", "ORDERS"]);
  });

  it("counts open failures per SAP error code", async () => {
    const code = `V1/${randomUUID().slice(0, 4)}`;
    const p = `code-${randomUUID().slice(0, 8)}`;
    await seed(`${p}`, 4, { flow: "ORDERS", sapErrorCode: code });
    await seed(`${p}-x`, 3, { flow: "ORDERS", sapErrorCode: code, state: "RESOLVED" });
    const groups = await as("viewer").groups({ by: "sapErrorCode" });
    expect(groups.find((g) => g.key === code)?.count).toBe(4);
  });
});

describe("bulk discard", () => {
  it("dry run: counts and samples the OPEN failures it would discard, oldest first, and changes nothing", async () => {
    const ep = await endpoint(`dry-${randomUUID().slice(0, 6)}`);
    const p = `dry-${randomUUID().slice(0, 8)}`;
    await seed(p, 12, { payload: webhookPayload(ep.id) });
    await seed(`${p}-res`, 2, { payload: webhookPayload(ep.id), state: "RESOLVED" });
    const audits = await auditCount();
    const res = await as("operator").bulkPreview({ action: "discard", filter: { endpointId: ep.id } });
    expect(res).toMatchObject({ count: 12, cap: BULK_CAP, overCap: false });
    expect(res.sample).toHaveLength(10);
    expect(res.sample[0]?.entityKey).toBe(`${p}-0`);
    expect(res.sample.every((r) => r.state === "OPEN")).toBe(true);
    expect(await statesOf(p)).toEqual({ OPEN: 12, RESOLVED: 2 });
    expect(await auditCount()).toBe(audits);
  });

  it("discards only the OPEN failures of the filter, through the state table, with one audit row per failure and one naming the filter, count and reason", async () => {
    const ep = await endpoint(`bulk-${randomUUID().slice(0, 6)}`);
    const other = await endpoint(`keep-${randomUUID().slice(0, 6)}`);
    const p = `bulk-${randomUUID().slice(0, 8)}`;
    await seed(`${p}-open`, 9, { payload: webhookPayload(ep.id) });
    await seed(`${p}-resolved`, 2, { payload: webhookPayload(ep.id), state: "RESOLVED" });
    await seed(`${p}-retrying`, 1, { payload: webhookPayload(ep.id), state: "RETRYING" });
    await seed(`${p}-other`, 3, { payload: webhookPayload(other.id) });
    const filter = { endpointId: ep.id };
    const res = await as("operator").discardMany({ filter, reason: "receiver retired, events obsolete" });
    expect(res).toMatchObject({ matched: 9, discarded: 9, failed: 0 });
    expect(await statesOf(`${p}-open`)).toEqual({ DISCARDED: 9 });
    expect(await statesOf(`${p}-resolved`)).toEqual({ RESOLVED: 2 });
    expect(await statesOf(`${p}-retrying`)).toEqual({ RETRYING: 1 });
    expect(await statesOf(`${p}-other`)).toEqual({ OPEN: 3 });
    const discarded = await db.failureRecord.findMany({ where: { entityKey: { startsWith: `${p}-open-` } } });
    expect(new Set(discarded.map((f) => f.discardedBy))).toEqual(new Set(["operator@example.test"]));
    expect(new Set(discarded.map((f) => f.discardReason))).toEqual(
      new Set(["receiver retired, events obsolete"]),
    );

    const perRow = await db.auditLog.findMany({
      where: { action: "failure.discard_bulk", targetId: { in: discarded.map((f) => f.id) } },
    });
    expect(perRow).toHaveLength(9);
    const summary = await db.auditLog.findMany({
      where: { action: "failure.discard_many", reason: "receiver retired, events obsolete" },
    });
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({
      actorRole: "OPERATOR",
      targetId: null,
      before: { filter, matched: 9 },
      after: { discarded: 9, failed: 0 },
    });
  });

  it("discards an order with its failure and writes the order's timeline, as a single discard does", async () => {
    const link = await db.orderLink.create({
      data: {
        storefrontOrderId: `SO-${randomUUID().slice(0, 8)}`,
        customerId: "C-1",
        currency: "EUR",
        state: "FAILED",
      },
    });
    const p = `ord-${randomUUID().slice(0, 8)}`;
    await seed(p, 1, { flow: "ORDERS", orderLinkId: link.id, payload: { lines: [{ sku: "X" }] } });
    await as("operator").discardMany({ filter: { q: p }, reason: "customer cancelled by phone" });
    expect((await db.orderLink.findUniqueOrThrow({ where: { id: link.id } })).state).toBe("DISCARDED");
    const events = await db.orderEvent.findMany({ where: { orderLinkId: link.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["STATE_CHANGED", "OPERATOR_ACTION"]);
  });

  it("refuses more than the cap with a clear error before changing anything", async () => {
    const ep = await endpoint(`cap-${randomUUID().slice(0, 6)}`);
    const p = `cap-${randomUUID().slice(0, 8)}`;
    await seed(p, BULK_CAP + 1, { payload: webhookPayload(ep.id) });
    const audits = await auditCount();
    const op = as("operator");
    await expect(op.discardMany({ filter: { endpointId: ep.id }, reason: "too many" })).rejects.toThrow(
      `${BULK_CAP + 1} failures match; a bulk discard takes at most ${BULK_CAP}`,
    );
    expect(await refusal(op.discardMany({ filter: { endpointId: ep.id }, reason: "too many" }))).toBe(
      "BULK_CAP_EXCEEDED",
    );
    expect(
      await refusal(op.assignMany({ filter: { endpointId: ep.id }, assignee: "me", reason: "mine" })),
    ).toBe("BULK_CAP_EXCEEDED");
    expect(await refusal(op.tagMany({ filter: { endpointId: ep.id }, add: ["x"], reason: "label" }))).toBe(
      "BULK_CAP_EXCEEDED",
    );
    expect((await op.bulkPreview({ action: "discard", filter: { endpointId: ep.id } })).overCap).toBe(true);
    expect(await statesOf(p)).toEqual({ OPEN: BULK_CAP + 1 });
    expect(
      await db.failureRecord.count({
        where: { entityKey: { startsWith: `${p}-` }, assignee: { not: null } },
      }),
    ).toBe(0);
    expect(await auditCount()).toBe(audits);
    // At the cap exactly, a bulk action goes through.
    await db.failureRecord.updateMany({ where: { entityKey: `${p}-0` }, data: { state: "RESOLVED" } });
    expect(await op.assignMany({ filter: { endpointId: ep.id }, assignee: "me", reason: "mine" })).toEqual({
      matched: BULK_CAP,
      changed: BULK_CAP,
    });
  });

  it("needs a reason: without one it is refused and nothing changes", async () => {
    const p = `why-${randomUUID().slice(0, 8)}`;
    await seed(p, 2);
    for (const reason of ["", "  ", "ok"])
      expect(await refusal(as("operator").discardMany({ filter: { q: p }, reason }))).toBe("BAD_REQUEST");
    expect(await refusal(as("operator").assignMany({ filter: { q: p }, assignee: "me", reason: "" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await statesOf(p)).toEqual({ OPEN: 2 });
  });

  it("is refused to a viewer, touching nothing", async () => {
    const p = `view-${randomUUID().slice(0, 8)}`;
    await seed(p, 2);
    expect(await refusal(as("viewer").discardMany({ filter: { q: p }, reason: "not mine to do" }))).toBe(
      "FORBIDDEN",
    );
    expect(await refusal(as("viewer").bulkPreview({ action: "discard", filter: { q: p } }))).toBe(
      "FORBIDDEN",
    );
    expect(await statesOf(p)).toEqual({ OPEN: 2 });
  });
});

describe("bulk retry", () => {
  it("a filter on another state matches nothing to retry (the filter and the state table both apply)", async () => {
    const p = `rs-${randomUUID().slice(0, 8)}`;
    await seed(p, 3);
    expect((await as("operator").retryManyCount({ filter: { q: p, state: "RESOLVED" } })).count).toBe(0);
    expect((await as("operator").retryManyCount({ filter: { q: p } })).count).toBe(3);
  });
});

describe("owner and tags", () => {
  it("assign to me writes the caller as owner, unassign clears it; each audited with before and after", async () => {
    const p = `own-${randomUUID().slice(0, 8)}`;
    await seed(p, 1);
    const f = await db.failureRecord.findFirstOrThrow({ where: { entityKey: `${p}-0` } });
    expect(await as("operator").assign({ id: f.id, assignee: "me" })).toEqual({
      id: f.id,
      assignee: "operator@example.test",
    });
    const owned = await db.failureRecord.findUniqueOrThrow({ where: { id: f.id } });
    expect(owned.assignee).toBe("operator@example.test");
    expect(owned.assignedAt).not.toBeNull();
    await as("admin").assign({ id: f.id, assignee: null, reason: "back to the pool" });
    const cleared = await db.failureRecord.findUniqueOrThrow({ where: { id: f.id } });
    expect([cleared.assignee, cleared.assignedAt]).toEqual([null, null]);
    const audit = await db.auditLog.findMany({ where: { targetId: f.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ["failure.assign", { assignee: null }, { assignee: "operator@example.test" }],
      ["failure.assign", { assignee: "operator@example.test" }, { assignee: null }],
    ]);
    expect((await as("viewer").list({ filter: { q: p, assignee: null } })).total).toBe(1);
  });

  it("a settled failure cannot be assigned or tagged", async () => {
    const p = `set-${randomUUID().slice(0, 8)}`;
    await seed(p, 1, { state: "RESOLVED" });
    const f = await db.failureRecord.findFirstOrThrow({ where: { entityKey: `${p}-0` } });
    expect(await refusal(as("operator").assign({ id: f.id, assignee: "me" }))).toBe("FAILURE_SETTLED");
    expect(await refusal(as("operator").tag({ id: f.id, add: ["x"] }))).toBe("FAILURE_SETTLED");
    expect((await db.failureRecord.findUniqueOrThrow({ where: { id: f.id } })).assignee).toBeNull();
  });

  it("tags are lower-cased, de-duplicated and validated; a bad tag is refused", async () => {
    const p = `tag-${randomUUID().slice(0, 8)}`;
    await seed(p, 1);
    const f = await db.failureRecord.findFirstOrThrow({ where: { entityKey: `${p}-0` } });
    expect(
      (await as("operator").tag({ id: f.id, add: ["SAP-Outage", "sap-outage", "pricing"] })).tags,
    ).toEqual(["pricing", "sap-outage"]);
    expect((await as("operator").tag({ id: f.id, remove: ["pricing"] })).tags).toEqual(["sap-outage"]);
    for (const bad of ["has space", "<script>", "x".repeat(41), ""])
      expect(await refusal(as("operator").tag({ id: f.id, add: [bad] })), bad).toBe("BAD_REQUEST");
    expect(
      await refusal(as("operator").tag({ id: f.id, add: Array.from({ length: 20 }, (_, i) => `t${i}`) })),
    ).toBe("TOO_MANY_TAGS");
    expect((await db.failureRecord.findUniqueOrThrow({ where: { id: f.id } })).tags).toEqual(["sap-outage"]);
  });

  it("bulk tag and assign change only the unsettled failures of the filter, audited per row and once for the bulk", async () => {
    const p = `bt-${randomUUID().slice(0, 8)}`;
    await seed(`${p}-open`, 4);
    await seed(`${p}-gone`, 2, { state: "DISCARDED" });
    const label = `inc-${randomUUID().slice(0, 6)}`;
    expect(await as("operator").tagMany({ filter: { q: p }, add: [label], reason: "incident 4711" })).toEqual(
      {
        matched: 4,
        changed: 4,
      },
    );
    await as("operator").assignMany({ filter: { tag: label }, assignee: "me", reason: "on call this week" });
    const rows = await db.failureRecord.findMany({ where: { entityKey: { startsWith: `${p}-` } } });
    const open = rows.filter((r) => r.state === "OPEN");
    expect(open.every((r) => r.tags.includes(label) && r.assignee === "operator@example.test")).toBe(true);
    expect(rows.filter((r) => r.state === "DISCARDED").map((r) => [r.tags, r.assignee])).toEqual([
      [[], null],
      [[], null],
    ]);
    expect((await as("viewer").list({ filter: { tag: label } })).total).toBe(4);
    const ids = open.map((r) => r.id);
    expect(await db.auditLog.count({ where: { action: "failure.tag_bulk", targetId: { in: ids } } })).toBe(4);
    expect(await db.auditLog.count({ where: { action: "failure.assign_bulk", targetId: { in: ids } } })).toBe(
      4,
    );
    const summary = await db.auditLog.findFirstOrThrow({
      where: { action: "failure.tag_many", reason: "incident 4711" },
    });
    expect(summary.before).toEqual({ filter: { q: p }, matched: 4 });
  });
});
