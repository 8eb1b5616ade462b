import { expect, test } from "@playwright/test";
import { auditRows, db, tag } from "./fixtures";
import { signInAs } from "./helpers";
import { OrderTraffic, order, orderableMasterData } from "./sap";

/** `datetime-local` input value for a moment, in the browser's (this machine's) time zone. */
const local = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

test("an operator replays a time window of orders: the dry run names them, the replay books nothing twice", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { customer, materials } = await orderableMasterData();
  const traffic = await OrderTraffic.connect();
  const t = tag("window");
  const ids = [`${t}-1`, `${t}-2`, `${t}-3`];
  const from = new Date();
  try {
    await traffic.submit(ids.map((id) => order(id, customer, materials)));
  } finally {
    await traffic.close();
  }
  const booked = async () => {
    const c = db();
    await c.connect();
    try {
      const r = await c.query<{ storefront_order_id: string; sap_sales_order: string | null }>(
        // SAP's back office may move (or cancel) the order meanwhile: compare the documents.
        "select storefront_order_id, sap_sales_order from order_link where storefront_order_id = any($1) and sap_sales_order is not null",
        [ids],
      );
      return Object.fromEntries(r.rows.map((x) => [x.storefront_order_id, x.sap_sales_order]));
    } finally {
      await c.end();
    }
  };
  await expect.poll(async () => Object.keys(await booked()).length, { timeout: 60_000 }).toBe(3);
  const before = await booked();

  await signInAs(page, "operator");
  await page.goto("/replay");
  await page.getByLabel("Topic").selectOption("orders");
  await page.getByLabel("Range by").selectOption("time");
  // Blank partition = every partition (the three orders are keyed to different ones).
  await page.getByLabel(/Partition/).fill("");
  await page.getByLabel("From", { exact: true }).fill(local(from));
  await page.getByLabel("To", { exact: true }).fill(local(new Date(from.getTime() + 2 * 60_000)));
  await page.getByRole("button", { name: "Dry run" }).click();
  const dry = page.getByTestId("replay-dry-run");
  await expect(dry).toContainText(/Dry run: \d+ message\(s\)/, { timeout: 30_000 });
  for (const id of ids) await expect(dry).toContainText(id);
  await dry.getByRole("button", { name: "Start replay…" }).click();
  const reason = tag("replay-window");
  await page
    .getByRole("dialog")
    .getByLabel(/Reason/)
    .fill(reason);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Replay \d+ message/ })
    .click();
  const run = page.getByTestId("replay-runs").getByRole("row").filter({ hasText: reason });
  await expect(run).toContainText("SUCCEEDED", { timeout: 60_000 });
  // The replayed orders went through the idempotent handlers: same sales orders, none new.
  expect(await booked()).toEqual(before);
  expect((await auditRows({ action: "replay.start" })).some((r) => r.reason === reason)).toBe(true);
});
