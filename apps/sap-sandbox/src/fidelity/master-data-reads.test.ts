import { priceFor } from "@icp/domain";
import { pricingConditionsOf, type SapClient, unitPrice } from "@icp/sap-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../sandbox";
import { startTestSandbox, testSapClient } from "../testing";

/**
 * Issue 22, items 1, 2, 3, 6 and part of 5: the client's master-data reads against a sandbox
 * whose data changes while it is read, that pages on the server, has special stocks, and
 * prices per pricing unit beside other sales areas', customers' and deleted records.
 */
let sandbox: Sandbox;
let sap: SapClient;
beforeAll(async () => {
  // a server page size (50) below the client's $top (100), as SAP's own max page size can be
  sandbox = await startTestSandbox({ products: 120, customers: 60, pageSize: 50 });
  sap = testSapClient(sandbox);
});
afterAll(async () => {
  await sap.close();
  await sandbox.close();
});

/** SAP's stamp of a partner's last change: the date plus the time of day (whole seconds). */
function stamp(bp: { LastChangeDate?: Date | null; LastChangeTime?: string | null }): number {
  const m = /^PT(\d+)H(\d+)M(\d+)S$/.exec(bp.LastChangeTime ?? "");
  const secs = m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : 0;
  return (bp.LastChangeDate?.getTime() ?? 0) + secs * 1000;
}

describe("customer delta (issue 22: 1)", () => {
  it("a partner changed later on the checkpoint's day is in the next delta; the checkpoint is SAP's date + time", async () => {
    const a = sandbox.simulation.changeBusinessPartner(3);
    const first = [];
    for await (const p of sap.customers.all({ since: new Date(Date.now() - 60_000), pageSize: 20 }))
      first.push(...p.items);
    const changedA = first.find((bp) => bp.BusinessPartner === a);
    expect(changedA).toBeDefined();
    // the checkpoint a delta stores: the newest change it read, with its time of day
    const checkpoint = new Date(Math.max(...first.map(stamp)));
    expect(checkpoint.getTime() % 86_400_000).not.toBe(0);

    const b = sandbox.simulation.changeBusinessPartner(7); // later the same day
    const next = [];
    for await (const p of sap.customers.all({ since: checkpoint, pageSize: 20 })) next.push(...p.items);
    const ids = next.map((bp) => bp.BusinessPartner);
    expect(ids).toContain(b);
    // de-duplicated: each partner once, and nothing changed long before the checkpoint
    expect(new Set(ids).size).toBe(ids.length);
    expect(next.every((bp) => stamp(bp) >= checkpoint.getTime() - 3 * 3_600_000)).toBe(true);
  });
});

describe("paging (issue 22: 2, 3)", () => {
  it("follows __next when SAP's server page size is below $top: every product is read", async () => {
    const ids = new Set<string>();
    for await (const p of sap.products.all({ pageSize: 100 })) for (const x of p.items) ids.add(x.Product);
    expect(ids.size).toBe(120);
  });

  it("loses no product when products read earlier change during the read (keyset, not $skip)", async () => {
    const ids = new Set<string>();
    let pages = 0;
    for await (const p of sap.products.all({ pageSize: 20 })) {
      for (const x of p.items) ids.add(x.Product);
      // SAP changes three products the reader has already passed: they move to the end of the
      // LastChangeDateTime order, and with $skip the next three would be skipped
      if (pages++ === 0) for (const i of [0, 1, 2]) sandbox.simulation.changeMasterData(i);
    }
    expect(ids.size).toBe(120);
  });

  it("in key order (a full read): every product once, pages of neighbouring keys, ascending", async () => {
    const seen: string[] = [];
    for await (const p of sap.products.all({ pageSize: 25, order: "key" }))
      seen.push(...p.items.map((x) => x.Product));
    expect(seen).toHaveLength(120);
    expect(seen).toEqual([...seen].sort());
  });
});

describe("stock (issue 22: 6)", () => {
  it("available stock is unrestricted own stock only: consignment and sales-order stock are not counted", async () => {
    const material = sandbox.store.catalog.productId(0);
    const rows = [
      ...sandbox.store.table("API_MATERIAL_STOCK_SRV", "A_MatlStkInAcctMod").where({ Material: material }),
    ].filter((r) => r.Plant === "1010");
    expect(rows.map((r) => r.InventorySpecialStockType).sort()).toEqual(["", "E", "K"]);
    const own = Number(rows.find((r) => r.InventorySpecialStockType === "")?.MatlWrhsStkQtyInMatlBaseUnit);

    expect(await sap.stock.forProduct(material, "1010")).toBe(own);
    expect((await sap.stock.forProducts([{ material, plant: "1010" }])).levels.get(`${material}|1010`)).toBe(
      own,
    );
    let summed = 0;
    for await (const p of sap.stock.all(7))
      for (const r of p.items)
        if (r.Material === material && r.Plant === "1010") summed += Number(r.MatlWrhsStkQtyInMatlBaseUnit);
    expect(summed).toBe(own);
  });
});

describe("list prices (issue 22: 5, in part)", () => {
  it("reads our sales area's list price only, per one unit: not another channel's, a customer's or a deleted record", async () => {
    const spec = sandbox.store.catalog.product(5); // priced per 10 PC, with DC 20, customer and deleted records
    const rows = [];
    for await (const p of sap.prices.all(50)) rows.push(...p.items.filter((v) => v.Material === spec.id));
    expect(rows.map((v) => [v.DistributionChannel, v.Customer])).toEqual([["10", ""]]);
    expect(rows[0]?.to_SlsPrcgConditionRecord?.ConditionQuantity).toBe("10");
    expect(Number(unitPrice(rows[0]?.to_SlsPrcgConditionRecord)?.amount)).toBe(spec.price);
  });
});

describe("customers' prices and scales (issue 22: 5)", () => {
  it("the sandbox serves several sales areas and scales; the client reads our area's list and customers' records with their scales", async () => {
    const spec = sandbox.store.catalog.product(5); // per 10 PC; other areas, customers' and a deleted record
    // the sandbox: five sales-area/customer combinations for the material, scales on two records
    const res = await sap.transport.request({
      service: "API_SLSPRICINGCONDITIONRECORD_SRV",
      method: "GET",
      path: "A_SlsPrcgCndnRecdValidity",
      query: {
        $filter: `Material eq '${spec.id}'`,
        $expand: "to_SlsPrcgConditionRecord/to_SlsPrcgCndnRecordScale",
      },
    });
    type Row = {
      SalesOrganization: string;
      DistributionChannel: string;
      Customer: string;
      to_SlsPrcgConditionRecord: {
        to_SlsPrcgCndnRecordScale: { results: { ConditionScaleQuantity: string }[] };
      };
    };
    const served = (res.json() as { d: { results: Row[] } }).d.results;
    expect(new Set(served.map((v) => `${v.SalesOrganization}/${v.DistributionChannel}`))).toEqual(
      new Set(["1010/10", "1010/20", "1710/10"]),
    );
    expect(
      served
        .filter((v) => v.to_SlsPrcgConditionRecord.to_SlsPrcgCndnRecordScale.results.length > 0)
        .map((v) => [
          v.Customer,
          v.to_SlsPrcgConditionRecord.to_SlsPrcgCndnRecordScale.results.map((s) =>
            Number(s.ConditionScaleQuantity),
          ),
        ]),
    ).toEqual([
      ["", [1, 10, 50]],
      ["17100001", [1, 20]],
    ]);

    // the client: our sales area only, customers' records valid today (not 17100002's expired
    // one), not the deleted one, each with its scale lines
    const rows = [];
    for await (const p of sap.prices.all(50, { customers: true, scales: true }))
      rows.push(...p.items.filter((v) => v.Material === spec.id));
    expect(rows.map((v) => [v.SalesOrganization, v.DistributionChannel, v.Customer])).toEqual([
      ["1010", "10", ""],
      ["1010", "10", "17100001"],
    ]);
    const c = pricingConditionsOf(rows).get(spec.id);
    expect(c?.list.map((r) => [r.per, r.customer])).toEqual([[10, null]]);
    expect(c?.customerRecords.map((r) => [r.per, r.customer])).toEqual([[10, "17100001"]]);
    expect(c?.scales.map((s) => s.from)).toEqual([1, 10, 50, 1, 20]);
    const cents = (x: number) => Math.round(x * 100);
    const seeded = (factor: number) => Math.round(spec.price * factor * 100) / 100; // as the seed rounds
    const quote = (customer: string | undefined, qty: number) => {
      const q = c ? priceFor(c, customer, qty) : undefined;
      return [q?.rule, q?.scaleFrom, cents(Number(q?.unitPrice))];
    };
    // list 1..9, list scale from 10 (-5 %), the customer's own -30 % and its scale from 20 (-35 %)
    expect(quote(undefined, 9)).toEqual(["list", 1, cents(spec.price)]);
    expect(quote("17100002", 10)).toEqual(["list", 10, cents(seeded(0.95))]);
    expect(quote("17100001", 19)).toEqual(["customer", 1, cents(seeded(0.7))]);
    expect(quote("17100001", 20)).toEqual(["customer", 20, cents(seeded(0.65))]);
  });
});
