import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { db, tag } from "./fixtures";
import { signInAs } from "./helpers";

test("the order trace shows one ordered timeline of an order's events with its Kafka position", async ({
  page,
}) => {
  const orderId = tag("order");
  const linkId = randomUUID();
  const c = db();
  await c.connect();
  await c.query(
    `insert into order_link (id, storefront_order_id, sap_sales_order, state, customer_id, currency, item_count, kafka_topic, kafka_partition, kafka_offset, created_at, updated_at)
     values ($1, $2, $3, 'CREATED', 'CUST-9', 'EUR', 2, 'orders', 3, 42, now(), now())`,
    [linkId, orderId, String(Date.now()).slice(-10)],
  );
  for (const [kind, offsetMs] of [
    ["API_RECEIVED", 4000],
    ["KAFKA_CONSUMED", 3000],
    ["JOB_ATTEMPT", 2000],
    ["SAP_CREATED", 1000],
  ] as const) {
    await c.query(
      "insert into order_event (id, order_link_id, kind, at, source, detail) values ($1, $2, $3, now() - make_interval(secs => $4), 'worker', $5)",
      [randomUUID(), linkId, kind, offsetMs / 1000, JSON.stringify({ note: kind })],
    );
  }
  await c.end();

  await signInAs(page, "viewer");
  await page.goto("/orders");
  await page.getByLabel(/Order id, SAP document/).fill(orderId);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByTestId("order-results").getByRole("link", { name: orderId }).click();
  // The trace is the order's own page: a link that opens the same trace anywhere.
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  const timeline = page.getByTestId("timeline");
  await expect(timeline.getByRole("listitem")).toHaveCount(4);
  await expect(timeline.getByRole("listitem").first()).toContainText("API_RECEIVED");
  await expect(timeline.getByRole("listitem").last()).toContainText("SAP_CREATED");
  await expect(page.getByText("orders[3]@42")).toBeVisible();
});
