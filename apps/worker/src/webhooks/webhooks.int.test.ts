import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Secrets } from "@icp/config";
import { createPrisma, type Db } from "@icp/db";
import { migrate } from "@icp/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@icp/db/test-database";
import { DELIVERY_BODY_CAP, newWebhookSecret, verifyWebhook } from "@icp/domain";
import { createLogger } from "@icp/observability";
import type { Job } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readDisabledWebhooks } from "../flows/alerts";
import { alertEvaluator } from "../monitoring/alert-evaluator";
import type { AlertReadings } from "../monitoring/alert-rules";
import { deliverWebhook, fanOutWebhook, WEBHOOKS_ACTOR, type WebhookJobData } from "./webhooks";

/**
 * The webhook endpoint lifecycle on the real PostgreSQL, against a real HTTP receiver: failures
 * in a row, auto-disable at the Settings threshold, held deliveries, the alert, the redacted
 * request/response in the delivery log, and what a deleted endpoint gets (nothing).
 */
const SECRET = newWebhookSecret();
const secrets = new Secrets({ env: { E2E_WH_SECRET: SECRET } });
const logger = createLogger({ service: "test", level: "silent" });

interface Seen {
  headers: IncomingHttpHeaders;
  body: string;
}
let server: Server;
let url: string;
let seen: Seen[] = [];
/** What the receiver answers next: status, body, headers. */
let answer: { status: number; body: string; headers?: Record<string, string> } = { status: 500, body: "" };

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url, MIGRATIONS_DIR);
  db = createPrisma(database.url, { poolSize: 4 });
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push({ headers: req.headers, body });
      res.writeHead(answer.status, answer.headers ?? { "content-type": "text/plain" }).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}, 60_000);
afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  await db?.close();
  await database?.drop();
});
beforeEach(async () => {
  seen = [];
  answer = { status: 500, body: "" };
  await setThreshold(3, true);
  // Each test fans out to its own endpoints only: the earlier tests' are paused.
  await db.webhookEndpoint.updateMany({ data: { active: false } });
});

async function setThreshold(threshold: number, enabled: boolean) {
  await db.alertRule.update({ where: { id: "webhook_disabled" }, data: { threshold, enabled } });
}

let n = 0;
async function endpoint(over: { url?: string; events?: string[] } = {}) {
  n++;
  return db.webhookEndpoint.create({
    data: {
      name: `shop-${n}`,
      url: over.url ?? url,
      secretRef: "env:E2E_WH_SECRET",
      events: over.events ?? ["order.status_changed"],
      createdBy: "test",
    },
  });
}

function fakeQueue() {
  const added: string[] = [];
  return {
    added,
    queue: {
      add: async (_name: string, data: WebhookJobData) => {
        added.push(data.deliveryId);
        return {} as Job<WebhookJobData>;
      },
    },
  };
}

async function fanOut(id: string) {
  const q = fakeQueue();
  const queued = await fanOutWebhook(
    { db, queue: q.queue, jobSettings: { orderAttempts: 3, orderBackoffMs: 100 } },
    { id, type: "order.status_changed", payload: { type: "order.status_changed", data: { orderId: id } } },
  );
  return { queued, added: q.added };
}

/** One run of the delivery job as BullMQ would make it: attempt `attemptsMade + 1` of 10. */
async function attempt(deliveryId: string, attemptsMade: number): Promise<"ok" | "threw"> {
  const job = { id: deliveryId, data: { deliveryId }, attemptsMade, opts: { attempts: 10 } };
  // Only these three fields of BullMQ's Job are read by the handler.
  return deliverWebhook({ db, secrets, logger, timeoutMs: 5_000 })(job as unknown as Job<WebhookJobData>)
    .then(() => "ok" as const)
    .catch(() => "threw" as const);
}

describe("auto-disable after N consecutive failed attempts", () => {
  it("the Nth failure in a row disables the endpoint (who, why, audited once) and holds the delivery; nothing more is attempted", async () => {
    const ep = await endpoint();
    const first = await fanOut("evt-a");
    expect(first.queued).toBe(1);
    const [deliveryId] = first.added as [string];

    expect(await attempt(deliveryId, 0)).toBe("threw");
    expect(await attempt(deliveryId, 1)).toBe("threw");
    let now = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect([now.consecutiveFailures, now.disabledAt]).toEqual([2, null]);
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status).toBe("FAILED");

    // The third failure (threshold 3): disabled, and the job ends without a retry.
    expect(await attempt(deliveryId, 2)).toBe("ok");
    now = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect(now.consecutiveFailures).toBe(3);
    expect(now.disabledAt).toBeInstanceOf(Date);
    expect(now.disabledBy).toBe(WEBHOOKS_ACTOR);
    expect(now.disabledReason).toBe("auto-disabled after 3 consecutive failures");
    expect(now.active).toBe(true);
    const held = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(held.status).toBe("HELD");
    expect(held.lastError).toBe(
      "endpoint answered 500; held: endpoint auto-disabled after 3 consecutive failures",
    );
    const audit = await db.auditLog.findMany({ where: { targetType: "webhook_endpoint", targetId: ep.id } });
    expect(audit.map((a) => [a.action, a.actorId, a.actorRole, a.reason])).toEqual([
      [
        "webhook_endpoint.auto_disable",
        WEBHOOKS_ACTOR,
        "SYSTEM",
        "auto-disabled after 3 consecutive failures",
      ],
    ]);
    // Held is not given up on: no failure record for the operator's inbox.
    expect(await db.failureRecord.count({ where: { flow: "WEBHOOK" } })).toBe(0);
    expect(seen).toHaveLength(3);

    // A job still in Redis for it, and a new event: nothing goes out, both wait as HELD.
    expect(await attempt(deliveryId, 3)).toBe("ok");
    const second = await fanOut("evt-b");
    expect(second.queued).toBe(0);
    const laterRow = await db.webhookDelivery.findUniqueOrThrow({
      where: { endpointId_eventId: { endpointId: ep.id, eventId: "evt-b" } },
    });
    expect(laterRow.status).toBe("HELD");
    expect(await attempt(laterRow.id, 0)).toBe("ok");
    expect(seen).toHaveLength(3);
    expect(await db.auditLog.count({ where: { action: "webhook_endpoint.auto_disable" } })).toBe(1);
  });

  it("a 2xx resets the count: fail, fail, succeed, fail, fail stays enabled at 2", async () => {
    const ep = await endpoint();
    const ids: string[] = [];
    for (const e of ["r1", "r2", "r3", "r4", "r5"]) ids.push(...(await fanOut(`${ep.id}-${e}`)).added);
    const outcomes: string[] = [];
    for (const [i, id] of ids.entries()) {
      answer = { status: i === 2 ? 204 : 503, body: "" };
      outcomes.push(await attempt(id, 0));
    }
    expect(outcomes).toEqual(["threw", "threw", "ok", "threw", "threw"]);
    const now = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect([now.consecutiveFailures, now.disabledAt]).toEqual([2, null]);
    expect(seen).toHaveLength(5);
  });

  it("N comes from Settings, and the rule switched off never disables", async () => {
    await setThreshold(1, true);
    const quick = await endpoint();
    const [d1] = (await fanOut(`${quick.id}-x`)).added as [string];
    expect(await attempt(d1, 0)).toBe("ok");
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: quick.id } })).disabledReason).toBe(
      "auto-disabled after 1 consecutive failures",
    );

    await setThreshold(1, false);
    const never = await endpoint();
    for (const e of ["y1", "y2", "y3"]) {
      const [d] = (await fanOut(`${never.id}-${e}`)).added as [string];
      expect(await attempt(d, 0)).toBe("threw");
    }
    const now = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: never.id } });
    expect([now.consecutiveFailures, now.disabledAt]).toEqual([3, null]);
  });
});

describe("the alert", () => {
  it("fires for the auto-disabled endpoint through the evaluator, goes to the channel, and resolves on re-enable", async () => {
    await setThreshold(2, true);
    const ep = await endpoint();
    const quiet: AlertReadings = {
      sapCreates: { errors: 0, successes: 1 },
      ordersDelayed: 0,
      breaker: "closed",
      lagByGroup: [],
      openFailures: 0,
      openPoison: 0,
      disabledWebhooks: [],
      drains: [],
    };
    const channelJobs = fakeQueue();
    const evaluate = alertEvaluator({
      db,
      read: async () => ({ ...quiet, disabledWebhooks: await readDisabledWebhooks(db) }),
      notify: (c) =>
        fanOutWebhook(
          { db, queue: channelJobs.queue, jobSettings: { orderAttempts: 3, orderBackoffMs: 100 } },
          { id: c.eventId, type: "alert.state_changed", payload: { text: c.title, data: { key: c.key } } },
        ),
      logger,
    });
    const before = (await evaluate()) ?? [];
    expect(before.filter((c) => c.key.startsWith(`webhook_disabled:${ep.id}`))).toEqual([]);
    // The channel from here on, so it gets only this endpoint's alert (not earlier tests').
    const channel = await endpoint({ url: `${url}/alerts`, events: ["alert.state_changed"] });

    const [d] = (await fanOut(`${ep.id}-alert`)).added as [string];
    await attempt(d, 0);
    await attempt(d, 1);
    const fired = (await evaluate())?.filter((c) => c.key === `webhook_disabled:${ep.id}`);
    expect(fired?.map((c) => [c.state, c.title, c.value])).toEqual([
      ["FIRING", `Webhook endpoint ${ep.name} is disabled`, 2],
    ]);
    expect(fired?.[0]?.detail).toContain("auto-disabled after 2 consecutive failures");
    const state = await db.alertState.findUniqueOrThrow({ where: { key: `webhook_disabled:${ep.id}` } });
    expect(state.state).toBe("FIRING");
    // The channel (another endpoint, subscribed to alert.state_changed) got its delivery queued.
    const toChannel = await db.webhookDelivery.findMany({ where: { endpointId: channel.id } });
    expect(toChannel).toHaveLength(1);
    expect(channelJobs.added).toEqual([toChannel[0]?.id]);

    // Re-enabled (the console's `enable` clears these): resolved on the next evaluation.
    await db.webhookEndpoint.update({
      where: { id: ep.id },
      data: { disabledAt: null, disabledBy: null, disabledReason: null, consecutiveFailures: 0 },
    });
    const resolved = (await evaluate())?.filter((c) => c.key === `webhook_disabled:${ep.id}`);
    expect(resolved?.map((c) => c.state)).toEqual(["RESOLVED"]);
    expect(
      (
        await db.alertEvent.findMany({ where: { key: `webhook_disabled:${ep.id}` }, orderBy: { at: "asc" } })
      ).map((e) => e.state),
    ).toEqual(["FIRING", "RESOLVED"]);
    await db.webhookEndpoint.update({ where: { id: channel.id }, data: { active: false } });
  });
});

describe("the delivery log", () => {
  it("keeps the last request and response, signature, cookies and secrets redacted, the body capped", async () => {
    await setThreshold(100, true);
    const ep = await endpoint();
    answer = {
      status: 502,
      headers: { "content-type": "application/json", "set-cookie": "session=abc123" },
      body: JSON.stringify({ error: "upstream", token: "tok-SECRET-1", trace: "x".repeat(20_000) }),
    };
    const [d] = (await fanOut(`${ep.id}-log`)).added as [string];
    expect(await attempt(d, 0)).toBe("threw");

    // What went out was really signed (the stored copy is what is redacted).
    const sent = seen.at(-1) as Seen;
    expect(
      verifyWebhook(SECRET, sent.headers as Record<string, string>, sent.body).ok,
      "the receiver verifies the signature",
    ).toBe(true);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d } });
    const req = row.lastRequest as { url: string; headers: Record<string, string>; body: string };
    const res = row.lastResponse as {
      status: number;
      headers: Record<string, string>;
      body: string;
      truncated: boolean;
    };
    expect(req.url).toBe(url);
    expect(req.headers["webhook-signature"]).toBe("[REDACTED]");
    expect(req.headers["webhook-id"]).toBe(`${ep.id}-log`);
    expect(JSON.parse(req.body)).toEqual(JSON.parse(sent.body));
    expect(res.status).toBe(502);
    expect(res.headers["set-cookie"]).toBe("[REDACTED]");
    expect(res.body).not.toContain("tok-SECRET-1");
    expect(res.body).toContain('"error":"upstream"');
    expect(res.body.length).toBeLessThanOrEqual(DELIVERY_BODY_CAP);
    expect(res.truncated).toBe(true);
    expect(JSON.stringify(row)).not.toContain(sent.headers["webhook-signature"]);

    answer = { status: 200, body: '{"ok":true}', headers: { "content-type": "application/json" } };
    expect(await attempt(d, 1)).toBe("ok");
    const done = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d } });
    expect(done.status).toBe("SUCCEEDED");
    expect((done.lastResponse as { status: number; body: string }).body).toBe('{"ok":true}');
  });
});

describe("a deleted endpoint", () => {
  it("gets no new delivery, and a job left for it sends nothing", async () => {
    const ep = await endpoint();
    const [d] = (await fanOut(`${ep.id}-before`)).added as [string];
    await db.webhookEndpoint.update({ where: { id: ep.id }, data: { deletedAt: new Date(), active: false } });
    expect(await fanOut(`${ep.id}-after`)).toEqual({ queued: 0, added: [] });
    expect(await db.webhookDelivery.count({ where: { endpointId: ep.id } })).toBe(1);
    expect(await attempt(d, 0)).toBe("ok");
    expect(seen).toHaveLength(0);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d } });
    expect([row.status, row.lastError]).toEqual(["DEAD", "endpoint deleted"]);
  });
});
