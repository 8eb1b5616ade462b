import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "@icp/domain";
import { expect, test } from "@playwright/test";
import { db, tag } from "./fixtures";
import { screenshot, signInAs } from "./helpers";
import { OrderTraffic, order, orderableMasterData, sandboxFaults } from "./sap";

/**
 * Issue 16, item 7: an SAP order-create outage must not look green. SAP still answers the
 * card's HEAD and the breaker may still be closed, but every create answers 503: within 30 s
 * the SAP card turns red and an alert says the creates fail; the queue cards show "delayed".
 */
test.afterEach(async () => {
  await sandboxFaults(null);
});

/** The alerts' notification channel as a chat tool sees it: signed JSON with a `text` line. */
const CHANNEL_SECRET = "whsec_ZTJlLWFsZXJ0LWNoYW5uZWwtdGVzdC1vbmx5LWtleQ==";
type Received = { verified: boolean; text: string; data: { rule?: string; state?: string } };

async function alertReceiver(): Promise<{ received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const json = JSON.parse(body) as { text: string; data: Received["data"] };
      received.push({
        verified: verifyWebhook(CHANNEL_SECRET, headers, body).ok,
        text: json.text,
        data: json.data,
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const c = db();
  await c.connect();
  const name = tag("alert-channel");
  await c.query(
    `insert into webhook_endpoint (id, name, url, secret_ref, events, active, created_by, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, 'env:ALERT_CHANNEL_SECRET_E2E', '{alert.state_changed}', true, 'e2e', now(), now())`,
    [name, `http://127.0.0.1:${port}/alerts`],
  );
  return {
    received,
    async close() {
      await c.query("update webhook_endpoint set active = false where name = $1", [name]);
      await c.end();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

test("100% 503 on SAP order creates turns the Overview's SAP card and an alert red within 30 s", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { customer, materials } = await orderableMasterData();
  const traffic = await OrderTraffic.connect();
  const channel = await alertReceiver();
  const t = tag("outage");
  try {
    await signInAs(page, "viewer");
    await page.goto("/");
    const card = page.getByTestId("sap-card");
    // Baseline: no technical SAP errors in the last minute (business refusals do not count).
    await expect(card.locator("h2 .badge")).not.toHaveText("down", { timeout: 60_000 });
    await expect(page.getByText(/delayed/).first()).toBeVisible();

    await sandboxFaults({
      errorRate: 1,
      errorStatus: 503,
      scope: { service: "API_SALES_ORDER_SRV", method: "POST", pathPrefix: "A_SalesOrder" },
    });
    const started = Date.now();
    await traffic.submit(Array.from({ length: 8 }, (_, i) => order(`${t}-${i}`, customer, materials)));

    await expect(card.locator("h2 .badge")).toHaveText("down", { timeout: 30_000 });
    await expect(page.getByTestId("active-alerts").locator('[data-alert="sap_create_errors"]')).toContainText(
      "SAP order creates are failing",
      { timeout: 30_000 - (Date.now() - started) },
    );
    // What the card used to go by still looks fine: SAP answers the HEAD on its service root.
    await expect(card).toContainText("HTTP 200");
    console.log(
      `SAP card red and alert shown ${((Date.now() - started) / 1000).toFixed(1)} s after the outage began`,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    await screenshot(page, `overview-sap-create-outage-${test.info().project.name}`);

    // The worker's evaluator fired it too, and the channel got it signed, page open or not.
    const fired = () =>
      channel.received.find((r) => r.data.rule === "sap_create_errors" && r.data.state === "FIRING");
    await expect
      .poll(() => fired()?.text, { timeout: 30_000 - (Date.now() - started) })
      .toContain("[FIRING] SAP order creates are failing");
    expect(fired()?.verified).toBe(true);
    console.log(
      `alert delivered to the receiver ${((Date.now() - started) / 1000).toFixed(1)} s after the outage began`,
    );
  } finally {
    await traffic.close();
    await channel.close();
  }
});
