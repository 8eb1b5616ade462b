import { randomUUID } from "node:crypto";
import { kafkaConnection, loadEnv } from "@icp/config";
import { orderSubmittedRecord, Topics } from "@icp/domain";
import { createKafka, createProducer } from "@icp/messaging";
import { expect, test } from "@playwright/test";
import { auditRows, sql, tag } from "./fixtures";
import { signInAs } from "./helpers";
import { order, orderableMasterData } from "./sap";

const SANDBOX = process.env.SAP_BASE_URL ?? "http://127.0.0.1:4004";
const PARTITION = 0;

/** How many sales orders SAP (the sandbox) holds, over its OData API. */
async function sapSalesOrders(): Promise<number> {
  const auth = Buffer.from(
    `${process.env.SAP_USERNAME ?? "ICP_RFC_USER"}:${process.env.SAP_PASSWORD ?? "local-sandbox-password"}`,
  ).toString("base64");
  const res = await fetch(`${SANDBOX}/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder/$count`, {
    headers: { authorization: `Basic ${auth}`, "sap-client": process.env.SAP_CLIENT ?? "100" },
  });
  if (!res.ok) throw new Error(`sandbox $count: ${res.status} ${await res.text()}`);
  return Number(await res.text());
}

test("a replay of 20 booked orders reports 20 no-ops, creates no SAP order and shows on the orders' timelines", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { customer, materials } = await orderableMasterData();
  const t = tag("replay20");
  const ids = Array.from({ length: 20 }, (_, i) => `${t}-${i + 1}`);
  // One batch to one partition: the 20 offsets are contiguous whatever else is produced.
  const producer = createProducer(
    createKafka({ ...kafkaConnection(loadEnv()), clientId: `e2e-${randomUUID().slice(0, 6)}` }),
  );
  await producer.connect();
  let base = 0n;
  try {
    const sent = await producer.send({
      topic: Topics.orders,
      acks: -1,
      messages: ids.map((id) => ({
        ...orderSubmittedRecord(order(id, customer, materials)),
        partition: PARTITION,
      })),
    });
    base = BigInt(sent[0]?.baseOffset ?? "0");
  } finally {
    await producer.disconnect();
  }
  const booked = async () =>
    (
      await sql<{ n: string }>(
        "select count(*) as n from order_link where storefront_order_id = any($1) and sap_sales_order is not null",
        [ids],
      )
    )[0]?.n;
  await expect.poll(booked, { timeout: 90_000 }).toBe("20");
  const salesOrdersBefore = await sapSalesOrders();

  await signInAs(page, "operator");
  await page.goto("/replay");
  await page.getByLabel("Topic").selectOption("orders");
  await page.getByLabel("Target").selectOption("QUEUE");
  await page.getByLabel("Range by").selectOption("offsets");
  await page.getByLabel("Partition", { exact: true }).fill(String(PARTITION));
  await page.getByLabel("From offset").fill(base.toString());
  await page.getByLabel("To offset (incl.)").fill((base + 19n).toString());
  await page.getByRole("button", { name: "Dry run" }).click();
  const dry = page.getByTestId("replay-dry-run");
  await expect(dry.getByRole("heading")).toContainText("Dry run: 20 message(s)", { timeout: 30_000 });
  // Per message: all 20 are booked already, so each would be a no-op.
  await expect(dry.getByTestId("replay-verdicts")).toHaveText("already booked → no-op: 20");
  await expect(
    dry
      .getByTestId("replay-dry-rows")
      .getByRole("row")
      .filter({ hasText: new RegExp(`${ids[0]}(?!\\d)`) }),
  ).toContainText("already booked → no-op");

  await dry.getByRole("button", { name: "Start replay…" }).click();
  const reason = tag("replay20-reason");
  await page
    .getByRole("dialog")
    .getByLabel(/Reason/)
    .fill(reason);
  await page.getByRole("dialog").getByRole("button", { name: "Replay 20 message(s)" }).click();
  const run = page.getByTestId("replay-runs").getByRole("row").filter({ hasText: reason });
  await expect(run).toContainText("SUCCEEDED", { timeout: 90_000 });
  // The result counts what the processors did, not the messages sent.
  await expect(run.getByTestId("replay-result")).toHaveText("20 replayed: 0 created, 20 no-op");
  expect(await sapSalesOrders()).toBe(salesOrdersBefore);
  expect((await auditRows({ action: "replay.start" })).some((r) => r.reason === reason)).toBe(true);
  await expect
    .poll(async () => (await auditRows({ action: "replay.finished" })).some((r) => r.reason === reason))
    .toBe(true);

  // From the run to the orders it touched, and on to one order's timeline.
  await run.click();
  const detail = page.getByTestId("replay-run-detail");
  await detail.getByLabel("Outcome").selectOption("no-op");
  await expect(detail.getByRole("navigation", { name: "Pages" })).toContainText("· 20 rows");
  await expect(detail.getByRole("table", { name: "Offsets per partition" })).toContainText(
    `${base} → ${base + 20n}`,
  );
  await detail.getByRole("link", { name: ids[0] ?? "", exact: true }).click();
  await expect(page.getByTestId("timeline")).toContainText(/REPLAYED by run [0-9a-f]{8}: no-op/);
});
