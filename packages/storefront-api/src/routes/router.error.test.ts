import { describe, expect, it } from "vitest";
import { DependencyUnavailableError } from "../dependencies";
import { getProduct, listProducts } from "./products";
import { expectDeclared, storefront } from "./testing";

const type = (res: { body: Record<string, unknown> | null }) => String(res.body?.type).split("/").at(-1);

describe("what the router answers for every route", () => {
  it("a path that exists with another method is method-not-allowed (405), with Allow", async () => {
    const { call } = storefront();
    const res = await call("DELETE", "/products", { token: "all" });
    expect([res.status, type(res), res.body?.title]).toEqual([
      405,
      "method-not-allowed",
      "Method not allowed",
    ]);
    expect(res.headers.get("allow")).toBe("GET");
    const cart = await call("PATCH", "/carts/00000000-0000-4000-8000-000000000001/lines/TG11", {
      token: "all",
    });
    expect(cart.headers.get("allow")).toBe("PUT, DELETE");
  });

  it("a path that does not exist is not-found", async () => {
    const res = await storefront().call("GET", "/admin", { token: "all" });
    expect([res.status, type(res)]).toEqual([404, "not-found"]);
  });

  it("no token, a forged token and a missing scope: 401, 401 and 403, each with WWW-Authenticate", async () => {
    const { call } = storefront();
    const none = await call("GET", "/products");
    const forged = await call("GET", "/products", { token: "forged" });
    const scope = await call("GET", "/products", { token: "orders.read" });
    expect([none, forged, scope].map((r) => [r.status, type(r)])).toEqual([
      [401, "unauthorized"],
      [401, "unauthorized"],
      [403, "insufficient-scope"],
    ]);
    for (const r of [none, forged, scope]) {
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer realm="storefront"/);
      expectDeclared(listProducts, r);
    }
  });

  it("a client over its rate limit is rate-limited, with Retry-After", async () => {
    const { call, deps } = storefront();
    deps.limiter.hit = async (_k: string, limit: number) => ({
      allowed: false,
      limit,
      remaining: 0,
      resetSeconds: 7,
    });
    const res = await call("GET", "/products/TG11", { token: "all" });
    expect([res.status, type(res)]).toEqual([429, "rate-limited"]);
    expect(res.headers.get("retry-after")).toBeTruthy();
    expectDeclared(getProduct, res);
  });

  it("a store down is dependency-unavailable (503) naming it; a bug is internal (500)", async () => {
    const { call, deps } = storefront();
    deps.catalog.get = async () => {
      throw new DependencyUnavailableError("read-model", "timeout", "no answer");
    };
    const down = await call("GET", "/products/TG11", { token: "all" });
    expect([down.status, type(down), down.body?.dependency]).toEqual([
      503,
      "dependency-unavailable",
      "read-model",
    ]);
    expect(down.headers.get("retry-after")).toBe("5");
    expectDeclared(getProduct, down);
    deps.catalog.get = async () => {
      throw new TypeError("oops");
    };
    const bug = await call("GET", "/products/TG11", { token: "all" });
    expect([bug.status, type(bug)]).toEqual([500, "internal"]);
    expectDeclared(getProduct, bug);
  });
});
