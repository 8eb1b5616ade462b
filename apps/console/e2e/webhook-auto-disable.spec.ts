import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { kafkaConnection, loadEnv } from "@icp/config";
import { EventTypes, encodeCloudEvent, newCloudEvent, Topics, verifyWebhook } from "@icp/domain";
import { createKafka, createProducer } from "@icp/messaging";
import { expect, test } from "@playwright/test";
import { auditRows, db, tag } from "./fixtures";
import { screenshot, signInAs } from "./helpers";
import { orderableMasterData } from "./sap";

/**
 * Issue 16, webhook endpoints: an endpoint that keeps failing is auto-disabled after N failed
 * attempts in a row (N from Settings, 3 here), the alert fires on the Overview, nothing more is
 * sent while it is disabled, and an operator re-enables it with one click: the deliveries held
 * meanwhile go out and succeed once the receiver answers 200.
 */
const N = 3;
/** The worker knows this key as env:ALERT_CHANNEL_SECRET_E2E (playwright.config.ts). */
const SECRET = "whsec_ZTJlLWFsZXJ0LWNoYW5uZWwtdGVzdC1vbmx5LWtleQ==";

interface Hit {
  at: number;
  id: string;
  verified: boolean;
  answered: number;
}

/** The storefront's receiver: answers `status` (500, then 200) and records each request. */
async function receiver() {
  const hits: Hit[] = [];
  let status = 500;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      hits.push({
        at: Date.now(),
        id: headers["webhook-id"] ?? "",
        verified: verifyWebhook(SECRET, headers, body).ok,
        answered: status,
      });
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ status }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    hits,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/storefront/webhooks`,
    answer(s: number) {
      status = s;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * SAP says a material's stock changed (the event the sandbox publishes, keys only): the worker
 * reads the level from SAP, applies it and tells the storefront by a `stock.changed` webhook.
 */
async function stockChanged(material: string, plant: string): Promise<void> {
  const producer = createProducer(createKafka({ ...kafkaConnection(loadEnv()), clientId: tag("wh") }));
  await producer.connect();
  try {
    const event = newCloudEvent({
      source: "/default/sap.s4.beh/e2e",
      type: EventTypes.materialStockChanged,
      data: { Material: material, Plant: plant, StorageLocation: "0001" },
    });
    await producer.send({
      topic: Topics.inventory,
      acks: -1,
      messages: [encodeCloudEvent(`${material}/${plant}`, event)],
    });
  } finally {
    await producer.disconnect();
  }
}

async function sql<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = db();
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

test("a failing endpoint is auto-disabled after N failures with an alert; one click re-enables it and the held delivery succeeds", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const shop = await receiver();
  const name = tag("shop-hook");
  const [rule] = await sql<{ threshold: number; enabled: boolean }>(
    "select threshold, enabled from alert_rule where id = 'webhook_disabled'",
  );
  await sql("update alert_rule set threshold = $1, enabled = true where id = 'webhook_disabled'", [N]);
  const [ep] = await sql<{ id: string }>(
    `insert into webhook_endpoint (id, name, url, secret_ref, events, active, created_by, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, 'env:ALERT_CHANNEL_SECRET_E2E', '{stock.changed}', true, 'e2e', now(), now())
     returning id`,
    [name, shop.url],
  );
  const endpointId = ep?.id as string;
  const { materials } = await orderableMasterData();
  try {
    // A stock change: the storefront is told (stock.changed), and its receiver answers 500.
    // (The sandbox's own stock events may add more deliveries; each attempt counts the same.)
    await stockChanged(materials[0] as string, "1010");

    await signInAs(page, "operator");
    const alert = page.getByTestId("active-alerts").locator(`[data-alert="webhook_disabled:${endpointId}"]`);
    await expect(alert).toContainText(`Webhook endpoint ${name} is disabled`, { timeout: 60_000 });
    await expect(alert).toContainText(`auto-disabled after ${N} consecutive failures`);
    // At least N attempts went out (more only if already in flight), signed, answered 500.
    const sent = shop.hits.length;
    expect(sent).toBeGreaterThanOrEqual(N);
    expect(shop.hits.every((h) => h.answered === 500 && h.verified)).toBe(true);
    const disabledAt = Date.now();
    await screenshot(page, `webhook-disabled-alert-${test.info().project.name}`);

    await page.goto("/settings#webhooks");
    const row = page.getByTestId("webhook-endpoints").locator(`[data-endpoint="${name}"]`);
    await expect(row.getByTestId("endpoint-status")).toContainText("disabled");
    await expect(row.getByTestId("endpoint-status")).toContainText(
      `auto-disabled after ${N} consecutive failures · system:webhooks`,
    );
    const held = await sql<{ id: string; event_id: string }>(
      "select id, event_id from webhook_delivery where endpoint_id = $1 and status = 'HELD' order by created_at desc",
      [endpointId],
    );
    expect(held.length).toBeGreaterThanOrEqual(1);
    // Nothing more went out while it was disabled.
    expect(shop.hits).toHaveLength(sent);
    console.log(
      `${N} failures → disabled; ${held.length} delivery(ies) held, ${((Date.now() - disabledAt) / 1000).toFixed(1)} s with nothing sent`,
    );

    // The receiver is fixed; one click.
    shop.answer(200);
    await row.getByRole("button", { name: "Re-enable" }).click();
    await expect(row.getByTestId("endpoint-status")).toContainText("ok");
    await expect(row.getByRole("button", { name: "Re-enable" })).toHaveCount(0);

    // Every held delivery goes out again, signed, and is delivered.
    await expect
      .poll(
        async () =>
          (
            await sql<{ status: string }>("select status from webhook_delivery where id = any($1::uuid[])", [
              held.map((d) => d.id),
            ])
          ).map((d) => d.status),
        { timeout: 30_000 },
      )
      .toEqual(held.map(() => "SUCCEEDED"));
    for (const d of held)
      expect(
        shop.hits.some((h) => h.id === d.event_id && h.answered === 200 && h.verified),
        d.event_id,
      ).toBe(true);
    const [after] = await sql<{ consecutive_failures: number; disabled_at: Date | null }>(
      "select consecutive_failures, disabled_at from webhook_endpoint where id = $1",
      [endpointId],
    );
    expect(after).toEqual({ consecutive_failures: 0, disabled_at: null });

    // The delivery log shows it delivered, with the receiver's answer in its details.
    await row.getByRole("button", { name: "Deliveries" }).click();
    const logRow = page.getByTestId("delivery-log").locator(`[data-event="${held[0]?.event_id}"]`);
    await expect(logRow).toContainText("SUCCEEDED");
    await logRow.getByRole("button", { name: "Details" }).click();
    const details = page.getByTestId("delivery-details");
    await expect(details).toContainText('"webhook-signature": "[REDACTED]"');
    await expect(details).toContainText('"status": 200');

    // Who did what: the worker disabled it, the operator re-enabled it; the alert resolves.
    const audit = await auditRows({ targetId: endpointId });
    expect(audit.map((a) => [a.action, a.actor_role, a.actor_email])).toEqual([
      ["webhook_endpoint.auto_disable", "SYSTEM", null],
      ["webhook_endpoint.enable", "OPERATOR", "operator@example.com"],
    ]);
    await page.goto("/");
    await expect(
      page.getByTestId("active-alerts").locator(`[data-alert="webhook_disabled:${endpointId}"]`),
    ).toHaveCount(0, { timeout: 20_000 });
    await screenshot(page, `webhook-reenabled-${test.info().project.name}`);
  } finally {
    await sql("update webhook_endpoint set active = false, deleted_at = now() where id = $1", [endpointId]);
    await sql("update alert_rule set threshold = $1, enabled = $2 where id = 'webhook_disabled'", [
      rule?.threshold ?? 5,
      rule?.enabled ?? true,
    ]);
    await shop.close();
  }
});
