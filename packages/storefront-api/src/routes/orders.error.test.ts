import { describe, expect, it } from "vitest";
import { cancelOrder, getOrder } from "./orders";
import { submitOrder } from "./submit-order";
import { expectDeclared, storefront } from "./testing";

const type = (res: { body: Record<string, unknown> | null }) => String(res.body?.type).split("/").at(-1);
const order = { customerId: "C1", lines: [{ sku: "TG11", quantity: 1 }] };

describe("order routes refuse with the problems they declare", () => {
  it("an order without an Idempotency-Key is idempotency-key-missing", async () => {
    const { call } = storefront();
    for (const key of [undefined, "short"]) {
      const res = await call("POST", "/orders", {
        token: "orders.write",
        body: order,
        headers: key ? { "idempotency-key": key } : {},
      });
      expect([res.status, type(res), res.body?.title]).toEqual([
        400,
        "idempotency-key-missing",
        "Idempotency-Key required",
      ]);
      expectDeclared(submitOrder, res);
    }
  });

  it("an unknown customer is unknown-customer (422), not a validation problem", async () => {
    const res = await storefront().call("POST", "/orders", {
      token: "orders.write",
      body: { ...order, customerId: "C9" },
      headers: { "idempotency-key": "key-00000003" },
    });
    expect([res.status, type(res)]).toEqual([422, "unknown-customer"]);
    expectDeclared(submitOrder, res);
  });

  it("a key reused with another body is idempotency-key-reused", async () => {
    const { call, deps } = storefront();
    deps.orders.receive = async () => ({ state: "taken" });
    deps.idempotency.begin = async () => ({ state: "mismatch" });
    const res = await call("POST", "/orders", {
      token: "orders.write",
      body: order,
      headers: { "idempotency-key": "key-00000004" },
    });
    expect([res.status, type(res)]).toEqual([422, "idempotency-key-reused"]);
    expectDeclared(submitOrder, res);
  });

  it("an order that is not there, or not this client's, is not-found; one shipped is cancellation-too-late", async () => {
    const { call } = storefront();
    const missing = await call("GET", "/orders/WEB-404", { token: "orders.read" });
    expect([missing.status, type(missing)]).toEqual([404, "not-found"]);
    expectDeclared(getOrder, missing);
    const late = await call("POST", "/orders/SHIPPED-1/cancellation", {
      token: "orders.write",
      body: { reason: "too slow" },
    });
    expect([late.status, type(late), late.body?.title]).toEqual([
      409,
      "cancellation-too-late",
      "Too late to cancel",
    ]);
    expectDeclared(cancelOrder, late);
  });
});
