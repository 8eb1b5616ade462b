import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SapEventTypes } from "../events/business-events";
import { validateEntity } from "../odata/validate-entity";
import type { Sandbox } from "../sandbox";
import { admin, salesOrderPayload, sapClient, startTestSandbox } from "../testing";

type Entity = { d: Record<string, unknown> & { __metadata: { etag?: string; uri: string } } };
type SapErrorBody = {
  error: {
    code: string;
    message: { value: string };
    innererror: { errordetails: { code: string; target: string }[] };
  };
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await admin(sandbox, "POST", "reset");
});
const so = () => sapClient(sandbox, "API_SALES_ORDER_SRV");

async function createOrder(payload = salesOrderPayload()): Promise<Entity> {
  const res = await so().send("POST", "A_SalesOrder", payload);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Entity;
}

async function expectBusinessError(payload: Record<string, unknown>, code: string) {
  const res = await so().send("POST", "A_SalesOrder", payload);
  expect(res.status).toBe(400);
  const body = (await res.json()) as SapErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.innererror.errordetails[0]?.code).toBe(code);
  return body;
}

describe("deep insert of A_SalesOrder", () => {
  it("creates the order with numbered items, partners and prices from the condition records", async () => {
    const created = await createOrder(
      salesOrderPayload({}, [
        { Material: "TG11", RequestedQuantity: "2" },
        { Material: "TG12", RequestedQuantity: "1" },
      ]),
    );
    const d = created.d;
    expect(d.SalesOrder).toBe("1");
    expect(d.__metadata.etag).toMatch(/^W\/"datetimeoffset'/);
    const items = (d.to_Item as { results: Record<string, unknown>[] }).results;
    expect(items.map((i) => i.SalesOrderItem)).toEqual(["10", "20"]);
    const price = sandbox.store.catalog.product(1).price;
    expect(Number(items[0]?.NetAmount)).toBeCloseTo(price * 2, 2);
    expect(Number(d.TotalNetAmount)).toBeCloseTo(
      Number(items[0]?.NetAmount) + Number(items[1]?.NetAmount),
      2,
    );
    const partners = (d.to_Partner as { results: { PartnerFunction: string; Customer: string }[] }).results;
    expect(partners.map((p) => p.PartnerFunction).sort()).toEqual(["AG", "RE", "RG", "WE"]);
    const model = sandbox.store.models.get("API_SALES_ORDER_SRV")!;
    expect(
      validateEntity(model.entitySets.get("A_SalesOrder")!, { ...d, to_Item: {}, to_Partner: {} }),
    ).toEqual([]);
    for (const i of items) expect(validateEntity(model.entitySets.get("A_SalesOrderItem")!, i)).toEqual([]);

    const read = await so().json<Entity>("A_SalesOrder('1')?$expand=to_Item/to_PricingElement");
    const pr = (
      read.d.to_Item as { results: { to_PricingElement: { results: { ConditionType: string }[] } }[] }
    ).results[0]?.to_PricingElement.results;
    expect(pr?.map((p) => p.ConditionType)).toEqual(["PR00", "MWST"]);
    expect(sandbox.recentEvents.messages.at(-1)?.headers.ce_type).toBe(SapEventTypes.salesOrderCreated);
  });

  it("accepts {results:[...]} navigation payloads and a manual PR00 price", async () => {
    const created = await createOrder({
      ...salesOrderPayload(),
      to_Item: {
        results: [
          {
            Material: "TG11",
            RequestedQuantity: "3",
            to_PricingElement: { results: [{ ConditionType: "PR00", ConditionRateValue: "10.00" }] },
          },
        ],
      },
      to_Partner: { results: [{ PartnerFunction: "SH", Customer: "17100002" }] },
    });
    const items = (created.d.to_Item as { results: { NetAmount: string }[] }).results;
    expect(items[0]?.NetAmount).toBe("30.000");
    const sh = (
      created.d.to_Partner as { results: { PartnerFunction: string; Customer: string }[] }
    ).results.find((p) => p.PartnerFunction === "WE");
    expect(sh?.Customer).toBe("17100002");
  });

  it("applies the PR00 quantity scale", async () => {
    const catalog = sandbox.store.catalog;
    const index = Array.from({ length: catalog.productCount }, (_, i) => i).find((i) => {
      const p = catalog.product(i);
      return p.scales.length > 0 && !p.futurePrice;
    });
    if (index === undefined) throw new Error("seed has no product with a price scale");
    const spec = catalog.product(index);
    const created = await createOrder(
      salesOrderPayload({}, [{ Material: spec.id, RequestedQuantity: "50" }]),
    );
    const item = (created.d.to_Item as { results: { NetAmount: string }[] }).results[0];
    expect(Number(item?.NetAmount)).toBeCloseTo((spec.scales[2]?.price ?? 0) * 50, 2);
  });

  it("rejects an unknown material (V1/320)", async () => {
    await expectBusinessError(
      salesOrderPayload({}, [{ Material: "NOPE", RequestedQuantity: "1" }]),
      "V1/320",
    );
  });
  it("rejects an unknown sold-to party (V1/302)", async () => {
    await expectBusinessError(salesOrderPayload({ SoldToParty: "99999999" }), "V1/302");
  });
  it("rejects a customer blocked for orders (V1/462)", async () => {
    const blocked = sandbox.store.catalog.customerId(39);
    await expectBusinessError(salesOrderPayload({ SoldToParty: blocked }), "V1/462");
  });
  it("rejects a non-positive quantity (V1/137)", async () => {
    await expectBusinessError(
      salesOrderPayload({}, [{ Material: "TG11", RequestedQuantity: "0" }]),
      "V1/137",
    );
  });
  it("rejects a missing required field (V1/384)", async () => {
    const { SoldToParty: _, ...rest } = salesOrderPayload();
    await expectBusinessError(rest, "V1/384");
  });
  it("rejects a value longer than the EDMX MaxLength", async () => {
    const body = await expectBusinessError(
      salesOrderPayload({ PurchaseOrderByCustomer: "X".repeat(36) }),
      "/IWBEP/CM_MGW_RT/006",
    );
    expect(body.error.innererror.errordetails[0]?.target).toContain("PurchaseOrderByCustomer");
  });
  it("rejects an unknown property", async () => {
    await expectBusinessError(salesOrderPayload({ Bogus: "1" }), "/IWBEP/CM_MGW_RT/021");
  });
  it("rejects a pricing date before the PR00 record is valid (VK/202)", async () => {
    await expectBusinessError(salesOrderPayload({ PricingDate: "/Date(946684800000)/" }), "VK/202");
  });
  it("rejects an order without items and an unknown order type", async () => {
    await expectBusinessError(salesOrderPayload({}, []), "V1/555");
    await expectBusinessError(salesOrderPayload({ SalesOrderType: "ZZ" }), "V1/311");
  });
  it("finds an order again by PurchaseOrderByCustomer", async () => {
    await createOrder(salesOrderPayload({ PurchaseOrderByCustomer: "SF-42" }));
    const found = await so().json<{ d: { results: { SalesOrder: string }[] } }>(
      "A_SalesOrder?$filter=PurchaseOrderByCustomer eq 'SF-42'",
    );
    expect(found.d.results.map((r) => r.SalesOrder)).toEqual(["1"]);
  });
});

describe("changing and cancelling items", () => {
  const itemPath = "A_SalesOrderItem(SalesOrder='1',SalesOrderItem='10')";

  it("requires If-Match (428), refuses a stale ETag (412) and applies a matching one", async () => {
    const created = await createOrder();
    const etag = created.d.__metadata.etag!;
    expect((await so().send("PATCH", itemPath, { RequestedQuantity: "5" })).status).toBe(428);
    expect(
      (
        await so().send(
          "PATCH",
          itemPath,
          { RequestedQuantity: "5" },
          { "if-match": `W/"datetimeoffset'2000-01-01T00%3A00%3A00.0000000Z'"` },
        )
      ).status,
    ).toBe(412);
    const ok = await so().send("PATCH", itemPath, { RequestedQuantity: "5" }, { "if-match": etag });
    expect(ok.status).toBe(204);
    const newEtag = ok.headers.get("etag");
    expect(newEtag).not.toBe(etag);
    const item = await so().json<Entity>(itemPath);
    expect(item.d.RequestedQuantity).toBe("5.000");
    expect(item.d.__metadata.etag).toBe(newEtag);
    // the old ETag is stale now
    expect(
      (await so().send("PATCH", itemPath, { RequestedQuantity: "6" }, { "if-match": etag })).status,
    ).toBe(412);
  });

  it("accepts MERGE tunnelled through POST with X-HTTP-Method", async () => {
    const created = await createOrder();
    const res = await so().send(
      "POST",
      itemPath,
      { RequestedQuantity: "3" },
      { "x-http-method": "MERGE", "if-match": created.d.__metadata.etag! },
    );
    expect(res.status).toBe(204);
    expect((await so().json<Entity>(itemPath)).d.RequestedQuantity).toBe("3.000");
  });

  it("cancels an order by rejecting all items and emits SalesOrder.Canceled", async () => {
    const created = await createOrder();
    const res = await so().send(
      "PATCH",
      itemPath,
      { SalesDocumentRjcnReason: "50" },
      { "if-match": created.d.__metadata.etag! },
    );
    expect(res.status).toBe(204);
    const order = await so().json<Entity>("A_SalesOrder('1')");
    expect(order.d.OverallSDDocumentRejectionSts).toBe("C");
    expect(Number(order.d.TotalNetAmount)).toBe(0);
    expect(sandbox.recentEvents.messages.at(-1)?.headers.ce_type).toBe(SapEventTypes.salesOrderCanceled);
  });

  it("deletes an undelivered order", async () => {
    const created = await createOrder();
    expect(
      (await so().send("DELETE", "A_SalesOrder('1')", undefined, { "if-match": created.d.__metadata.etag! }))
        .status,
    ).toBe(204);
    expect((await so().get("A_SalesOrder('1')")).status).toBe(404);
  });

  it("refuses to change a delivered item", async () => {
    await createOrder();
    sandbox.simulation.tick();
    // force delivery regardless of the simulation's dice
    const items = sandbox.store.table("API_SALES_ORDER_SRV", "A_SalesOrderItem");
    const it0 = items.get({ SalesOrder: "1", SalesOrderItem: "10" })!;
    items.put({ ...it0, DeliveryStatus: "C" });
    const res = await so().send("PATCH", itemPath, { RequestedQuantity: "9" }, { "if-match": "*" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as SapErrorBody).error.code).toBe("V1/113");
  });
});
