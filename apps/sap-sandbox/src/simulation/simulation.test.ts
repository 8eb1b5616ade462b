import {
  decodeCloudEvent,
  inventoryTopicSchemas,
  orderStatusTopicSchemas,
  storefrontStatusOf,
  Topics,
} from "@icp/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemoryEventSink, SapEventTypes } from "../events/business-events";
import type { Sandbox } from "../sandbox";
import { admin, salesOrderPayload, sapClient, startTestSandbox } from "../testing";
import { ManualClock } from "./clock";

let sandbox: Sandbox;
const sink = new InMemoryEventSink();
const clock = new ManualClock(Date.UTC(2026, 2, 1, 9));
beforeAll(async () => {
  sandbox = await startTestSandbox({
    publisher: sink,
    clock,
    systemId: "S4T",
    // every open order advances on every tick; no random modifications or cancellations
    simulation: {
      advanceProbability: 1,
      modifyProbability: 0,
      cancelProbability: 0,
      receiptsPerTick: 0,
      masterDataChangeProbability: 0,
    },
  });
});
afterAll(() => sandbox.close());

const so = () => sapClient(sandbox, "API_SALES_ORDER_SRV");
const order = async (id: string) =>
  (await so().json<{ d: Record<string, string> }>(`A_SalesOrder('${id}')`)).d;

describe("business simulation", () => {
  it("moves an order through in process → delivered → billed, with goods issue and events", async () => {
    const res = await so().send(
      "POST",
      "A_SalesOrder",
      salesOrderPayload({}, [{ Material: "TG15", RequestedQuantity: "4", ProductionPlant: "1020" }]),
    );
    expect(res.status).toBe(201);
    const stockPath = "A_MatlStkInAcctMod?$filter=Material eq 'TG15' and Plant eq '1020'";
    const stock = sapClient(sandbox, "API_MATERIAL_STOCK_SRV");
    const stockBefore = Number(
      (await stock.json<{ d: { results: { MatlWrhsStkQtyInMatlBaseUnit: string }[] } }>(stockPath)).d
        .results[0]?.MatlWrhsStkQtyInMatlBaseUnit,
    );
    const created = await order("1");
    expect([created.OverallSDProcessStatus, created.OverallDeliveryStatus]).toEqual(["A", "A"]);

    const changeTimes: string[] = [created.LastChangeDateTime ?? ""];
    clock.advance(60_000);
    sandbox.simulation.tick();
    const inProcess = await order("1");
    expect(inProcess.OverallSDProcessStatus).toBe("B");
    expect(storefrontStatusOf({ ...inProcess, items: [{}] })).toBe("PROCESSING");
    changeTimes.push(inProcess.LastChangeDateTime ?? "");

    clock.advance(60_000);
    sandbox.simulation.tick();
    const shipped = await order("1");
    expect([shipped.OverallDeliveryStatus, shipped.OverallTotalDeliveryStatus]).toEqual(["C", "B"]);
    expect(storefrontStatusOf({ ...shipped, items: [{}] })).toBe("SHIPPED");
    changeTimes.push(shipped.LastChangeDateTime ?? "");
    const stockAfter = Number(
      (await stock.json<{ d: { results: { MatlWrhsStkQtyInMatlBaseUnit: string }[] } }>(stockPath)).d
        .results[0]?.MatlWrhsStkQtyInMatlBaseUnit,
    );
    expect(stockAfter).toBe(Math.max(0, stockBefore - 4));

    clock.advance(60_000);
    sandbox.simulation.tick();
    const delivered = await order("1");
    expect(delivered.OverallTotalDeliveryStatus).toBe("C");
    expect(storefrontStatusOf({ ...delivered, items: [{}] })).toBe("DELIVERED");
    changeTimes.push(delivered.LastChangeDateTime ?? "");

    clock.advance(60_000);
    sandbox.simulation.tick();
    const billed = await order("1");
    expect([billed.OverallSDProcessStatus, billed.OverallOrdReltdBillgStatus]).toEqual(["C", "C"]);
    changeTimes.push(billed.LastChangeDateTime ?? "");
    expect(storefrontStatusOf({ ...billed, items: [{}] })).toBe("BILLED");
    expect(new Set(changeTimes).size).toBe(5);

    // a finished order stays put
    clock.advance(60_000);
    sandbox.simulation.tick();
    expect((await order("1")).LastChangeDateTime).toBe(billed.LastChangeDateTime);

    // delta sync sees it
    const delta = await so().json<{ d: { results: unknown[] } }>(
      "A_SalesOrder?$filter=LastChangeDateTime gt datetimeoffset'2026-03-01T09:02:30Z'",
    );
    expect(delta.d.results).toHaveLength(1);

    await sandbox.flushEvents();
    const orderEvents = sink.messages.filter((m) => m.topic === Topics.orderStatus);
    expect(orderEvents.map((m) => m.headers.ce_type)).toEqual([
      SapEventTypes.salesOrderCreated,
      SapEventTypes.salesOrderChanged,
      SapEventTypes.salesOrderChanged,
      SapEventTypes.salesOrderChanged,
      SapEventTypes.salesOrderChanged,
    ]);
    for (const m of orderEvents) {
      // SAP's internal form, zero-padded (docs/sap-fidelity.md §18); OData answered "1"
      expect(m.key).toBe("0000000001");
      expect(m.body).toEqual({ SalesOrder: "0000000001" });
      // the consumers' own decoder accepts what the sandbox publishes, in the external form
      const decoded = decodeCloudEvent(
        { value: Buffer.from(JSON.stringify(m.body)), headers: m.headers },
        orderStatusTopicSchemas,
      );
      expect(decoded.ok && decoded.event.data.SalesOrder).toBe("1");
      expect(m.headers).toMatchObject({
        ce_specversion: "1.0",
        ce_source: "/default/sap.s4.beh/S4T",
        ce_datacontenttype: "application/json",
      });
      expect(m.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(m.headers.ce_time ?? "")).toBeGreaterThanOrEqual(Date.UTC(2026, 2, 1, 9));
    }
    const stockEvents = sink.messages.filter((m) => m.topic === Topics.inventory);
    expect(stockEvents).toHaveLength(1);
    expect(stockEvents[0]?.key).toBe("TG15/1020");
    expect(stockEvents[0]?.body).toEqual({ Material: "TG15", Plant: "1020", StorageLocation: "101A" });
    expect(stockEvents[0]?.headers.ce_type).toBe(SapEventTypes.materialStockChanged);
    const decodedStock = decodeCloudEvent(
      { value: Buffer.from(JSON.stringify(stockEvents[0]?.body)), headers: stockEvents[0]?.headers },
      inventoryTopicSchemas,
    );
    expect(decodedStock.ok).toBe(true);
  });

  it("books goods receipts, modifies and cancels orders when the dice say so", async () => {
    const s = await startTestSandbox({
      publisher: new InMemoryEventSink(),
      clock,
      simulation: {
        advanceProbability: 0,
        modifyProbability: 0,
        cancelProbability: 1,
        receiptsPerTick: 3,
        masterDataChangeProbability: 0,
      },
    });
    try {
      const res = await sapClient(s, "API_SALES_ORDER_SRV").send("POST", "A_SalesOrder", salesOrderPayload());
      expect(res.status).toBe(201);
      s.simulation.tick();
      const o = (
        await sapClient(s, "API_SALES_ORDER_SRV").json<{ d: Record<string, string> }>("A_SalesOrder('1')")
      ).d;
      expect(o.OverallSDDocumentRejectionSts).toBe("C");
      const types = s.recentEvents.messages.map((m) => m.headers.ce_type);
      expect(types).toContain(SapEventTypes.salesOrderCanceled);
      expect(types.filter((t) => t === SapEventTypes.materialStockChanged)).toHaveLength(3);
    } finally {
      await s.close();
    }
  });

  it("changes prices and product masters so delta reads and new orders see them", async () => {
    const at = Date.UTC(2026, 2, 2, 12);
    clock.advance(at - clock.now());
    const pricing = sapClient(sandbox, "API_SLSPRICINGCONDITIONRECORD_SRV");
    const before = await pricing.json<{ d: { results: { ConditionRateValue: string }[] } }>(
      "A_SlsPrcgConditionRecord?$filter=ConditionRecord eq '1000000031'",
    );
    sandbox.simulation.changeMasterData(30);
    const since = "datetimeoffset'2026-03-02T11:59:00Z'";
    const changedProducts = await sapClient(sandbox, "API_PRODUCT_SRV").json<{
      d: { results: { Product: string }[] };
    }>(`A_Product?$filter=LastChangeDateTime gt ${since}`);
    expect(changedProducts.d.results.map((r) => r.Product)).toEqual(["TG40"]);
    const changedPrices = await pricing.json<{
      d: { results: { ConditionRecord: string; ConditionRateValue: string }[] };
    }>(`A_SlsPrcgConditionRecord?$filter=LastChangeDateTime gt ${since}`);
    expect(changedPrices.d.results.map((r) => r.ConditionRecord)).toEqual(["1000000031"]);
    const newRate = changedPrices.d.results[0]?.ConditionRateValue;
    expect(newRate).not.toBe(before.d.results[0]?.ConditionRateValue);
    const res = await so().send(
      "POST",
      "A_SalesOrder",
      salesOrderPayload({}, [{ Material: "TG40", RequestedQuantity: "1" }]),
    );
    const created = (await res.json()) as { d: { to_Item: { results: { NetAmount: string }[] } } };
    expect(Number(created.d.to_Item.results[0]?.NetAmount)).toBeCloseTo(Number(newRate), 2);
  });

  it("the admin API moves one sales order one stage at a time, without chance", async () => {
    const res = await so().send(
      "POST",
      "A_SalesOrder",
      salesOrderPayload({}, [{ Material: "TG40", RequestedQuantity: "1" }]),
    );
    const created = (await res.json()) as { d: { SalesOrder: string } };
    const step = async () =>
      (await admin(sandbox, "POST", `orders/${created.d.SalesOrder}/advance`, {})).json();
    expect(await step()).toMatchObject({ OverallSDProcessStatus: "B" });
    expect(await step()).toMatchObject({ OverallDeliveryStatus: "C", OverallTotalDeliveryStatus: "B" });
    expect(await step()).toMatchObject({ OverallTotalDeliveryStatus: "C" });
    expect(await step()).toMatchObject({ OverallSDProcessStatus: "C" });
    expect(await step()).toMatchObject({ OverallSDProcessStatus: "C" });
    expect((await admin(sandbox, "POST", "orders/0/advance", {})).status).toBe(404);
  });

  it("the admin API changes one product's list price by a factor (a clerk's change), refusing bad input", async () => {
    const pricing = sapClient(sandbox, "API_SLSPRICINGCONDITIONRECORD_SRV");
    const rateOf = async () =>
      Number(
        (
          await pricing.json<{ d: { results: { ConditionRateValue: string }[] } }>(
            "A_SlsPrcgConditionRecord?$filter=ConditionRecord eq '1000000031'",
          )
        ).d.results[0]?.ConditionRateValue,
      );
    const before = await rateOf();
    const res = await admin(sandbox, "POST", "prices/TG40", { factor: 2 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      product: "TG40",
      conditionRecord: "1000000031",
      rate: Math.round(before * 200) / 100,
    });
    expect(await rateOf()).toBeCloseTo(before * 2, 2);
    expect((await admin(sandbox, "POST", "prices/TG40", { factor: -1 })).status).toBe(400);
    expect((await admin(sandbox, "POST", "prices/NOPE", { factor: 1.1 })).status).toBe(404);
    expect(await rateOf()).toBeCloseTo(before * 2, 2);
  });

  it("a price change refused for want of a current list price record changes nothing, not even the product master", async () => {
    const validity = sandbox.store.table("API_SLSPRICINGCONDITIONRECORD_SRV", "A_SlsPrcgCndnRecdValidity");
    const products = sandbox.store.table("API_PRODUCT_SRV", "A_Product");
    const sku = [...products.where({})].map((p) => String(p.Product)).find((id) => id !== "TG40")!;
    for (const v of [...validity.where({ Material: sku })]) validity.delete(v);
    const before = { ...products.get({ Product: sku }) };
    expect(before.Product).toBe(sku);
    await new Promise((r) => setTimeout(r, 5)); // a touch would carry a later LastChangeDateTime
    expect((await admin(sandbox, "POST", `prices/${sku}`, { factor: 1.1 })).status).toBe(404);
    expect(products.get({ Product: sku })).toEqual(before);
  });
});

describe("a stock count correction (admin API)", () => {
  const stockAt = async (material: string, plant: string) => {
    const stock = sapClient(sandbox, "API_MATERIAL_STOCK_SRV");
    const path = `A_MatlStkInAcctMod?$filter=Material eq '${material}' and Plant eq '${plant}'`;
    const rows = (await stock.json<{ d: { results: { MatlWrhsStkQtyInMatlBaseUnit: string }[] } }>(path)).d
      .results;
    return rows.reduce((sum, r) => sum + Number(r.MatlWrhsStkQtyInMatlBaseUnit), 0);
  };
  const stockEvents = () => sink.messages.filter((m) => m.topic === Topics.inventory).length;

  it("sets the plant's stock of the material, with its stock event or, emit false, without one", async () => {
    const events = stockEvents();
    const res = await admin(sandbox, "POST", "stock/TG12/1030", { quantity: 321 });
    expect(res.status).toBe(200);
    expect(await stockAt("TG12", "1030")).toBe(321);
    await new Promise((r) => setTimeout(r, 50));
    expect(stockEvents()).toBe(events + 1);
    const quiet = await admin(sandbox, "POST", "stock/TG12/1030", { quantity: 7, emit: false });
    expect(await quiet.json()).toMatchObject({ before: 321, quantity: 7 });
    expect(await stockAt("TG12", "1030")).toBe(7);
    await new Promise((r) => setTimeout(r, 50));
    expect(stockEvents()).toBe(events + 1);
  });

  it("refuses a plant or product the sandbox does not have, and a quantity that is not a whole number, changing nothing", async () => {
    expect((await admin(sandbox, "POST", "stock/TG12/9999", { quantity: 1 })).status).toBe(404);
    expect((await admin(sandbox, "POST", "stock/NOPE/1030", { quantity: 1 })).status).toBe(404);
    expect((await admin(sandbox, "POST", "stock/TG12/1030", { quantity: -1 })).status).toBe(400);
    expect((await admin(sandbox, "POST", "stock/TG12/1030", { quantity: 1.5 })).status).toBe(400);
    expect(await stockAt("TG12", "1030")).toBe(7);
  });
});
