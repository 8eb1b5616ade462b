import { describe, expect, it } from "vitest";
import { jobMatch, matchPath } from "./search";

describe("job search matching", () => {
  const data = { order: { orderId: "SF-1", customerId: "C-9", lines: [{ sku: "A-1", quantity: 3 }] } };
  it("names the data path of an exact, case-blind match", () => {
    expect(matchPath(data, "a-1")).toBe("order.lines.0.sku");
    expect(matchPath(data, "c-9")).toBe("order.customerId");
    expect(matchPath(data, "3")).toBe("order.lines.0.quantity");
  });
  it("does not match part of a value", () => {
    expect(matchPath(data, "a-")).toBeNull();
    expect(matchPath(data, "sf")).toBeNull();
  });
  it("matches the job id exactly or as an order id prefix (cancel jobs are <order>-<event>)", () => {
    expect(jobMatch({ id: "SF-1-e7", data: {} }, "sf-1")).toBe("id");
    expect(jobMatch({ id: "SF-10", data: {} }, "sf-1")).toBeNull();
    expect(jobMatch({ id: "x", data }, "SF-1")).toBe("order.orderId");
  });
});
