import { describe, expect, it } from "vitest";
import { cancelOrder, getOrder } from "./orders";
import { submitOrder } from "./submit-order";
import { BASE, expectDeclared, storefront } from "./testing";

const order = { orderId: "WEB-1001", customerId: "C1", lines: [{ sku: "TG11", quantity: 1 }] };

describe("order routes answer what they declare", () => {
  it("accepts an order with 202 and its status URL, then reads and cancels it", async () => {
    const { call } = storefront();
    const accepted = await call("POST", "/orders", {
      token: "all",
      body: order,
      headers: { "idempotency-key": "key-00000001" },
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({
      orderId: "WEB-1001",
      status: "RECEIVED",
      statusUrl: `${BASE}/orders/WEB-1001`,
    });
    expect(accepted.headers.get("location")).toBe(`${BASE}/orders/WEB-1001`);
    expectDeclared(submitOrder, accepted);

    const status = await call("GET", "/orders/WEB-1001", { token: "orders.read" });
    expect(status.body?.status).toBe("RECEIVED");
    expectDeclared(getOrder, status);

    const cancelled = await call("POST", "/orders/WEB-1001/cancellation", {
      token: "orders.write",
      body: { reason: "changed my mind" },
    });
    expect(cancelled.status).toBe(202);
    expect(cancelled.body).toEqual({ orderId: "WEB-1001", status: "CANCELLATION_REQUESTED" });
    expectDeclared(cancelOrder, cancelled);
  });

  it("mints an order id when the client sends none", async () => {
    const res = await storefront().call("POST", "/orders", {
      token: "orders.write",
      body: { customerId: "C1", lines: [{ sku: "TG11", quantity: 1 }] },
      headers: { "idempotency-key": "key-00000002" },
    });
    expect(res.status).toBe(202);
    expect(res.body?.orderId).toMatch(/^SF-/);
  });
});
