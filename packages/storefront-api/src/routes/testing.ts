import type { PricingConditions } from "@icp/domain";
import { expect } from "vitest";
import { createStorefrontApi } from "../app";
import { buildOpenApi } from "../openapi";
import type { Cart, Customer, Idempotency, OrderStatus, Orders, Product } from "../ports";
import type { SlidingWindowLimiter } from "../rate-limit";
import { problemSchema } from "../schemas";
import { type AccessTokens, InvalidTokenError, SCOPES, type Scope } from "../tokens";
import { memoryImages } from "./image-fixtures";
import { problemsOf, type Route } from "./route";

/**
 * The storefront API on in-memory ports, for route tests: a token is "all" (every scope),
 * "none" (no scope) or one scope's name with a dot ("orders.read"); the catalog has TG11 (5 in stock), the customer C1
 * exists, and orders are remembered as they are submitted.
 */
export const BASE = "/api/storefront/v1";
export const CART_ID = "00000000-0000-4000-8000-000000000001";
const AT = "2026-01-01T00:00:00.000Z";

export const product = (sku: string): Product => ({
  id: sku,
  name: `Product ${sku}`,
  description: "",
  price: { amount: "9.90", currency: "EUR" },
  features: {},
  images: [],
  stock: { available: 5, updatedAt: AT },
  updatedAt: AT,
});

const customer: Customer = { id: "C1", name: "Customer One", addresses: [], paymentTerms: null };

function carts() {
  const all = new Map<string, Cart>([
    [CART_ID, { id: CART_ID, customerId: "C1", currency: "EUR", lines: [], total: "0.00", updatedAt: AT }],
  ]);
  const withLine = (cart: Cart, sku: string, quantity: number | null): Cart => {
    const lines = cart.lines.filter((l) => l.sku !== sku);
    if (quantity !== null) lines.push({ sku, quantity, unitPrice: "9.90" });
    const next = { ...cart, lines };
    all.set(cart.id, next);
    return next;
  };
  return {
    create: async (_c: string, input: { customerId: string; currency: string; lines: { sku: string }[] }) => {
      const unknown = input.lines.find((l) => l.sku !== "TG11");
      if (unknown) return { kind: "unknown-product" as const, sku: unknown.sku };
      const cart = {
        id: "00000000-0000-4000-8000-000000000002",
        ...input,
        lines: [],
        total: "0.00",
        updatedAt: AT,
      };
      all.set(cart.id, cart);
      return cart;
    },
    get: async (_c: string, id: string) => all.get(id) ?? null,
    setLine: async (_c: string, id: string, line: { sku: string; quantity: number }) => {
      const cart = all.get(id);
      if (!cart) return null;
      if (line.quantity > 5) return { kind: "insufficient-stock" as const, sku: line.sku, available: 5 };
      return withLine(cart, line.sku, line.quantity);
    },
    removeLine: async (_c: string, id: string, sku: string) => {
      const cart = all.get(id);
      return cart ? withLine(cart, sku, null) : null;
    },
  };
}

function orders(): Orders {
  const placed = new Map<string, OrderStatus>();
  const keys = new Set<string>();
  return {
    check: async (_c, o) =>
      o.customerId !== "C1"
        ? { ok: false, problem: { kind: "unknown-customer" } }
        : { ok: true, lines: o.lines ?? [{ sku: "TG11", quantity: 1 }] },
    // A key not seen before is bound and its order anchored; one seen goes through begin.
    receive: async (c, _o, ctx) => {
      if (keys.has(`${c} ${ctx.newKey.key}`)) return { state: "taken" };
      keys.add(`${c} ${ctx.newKey.key}`);
      return { state: "anchored", lease: ctx.newKey.leaseUntil };
    },
    submit: async (_c, o) => {
      placed.set(o.orderId, {
        orderId: o.orderId,
        status: "RECEIVED",
        salesOrder: null,
        lines: o.lines,
        history: [{ status: "RECEIVED", at: AT }],
        createdAt: AT,
        updatedAt: AT,
      });
      return { ok: true, orderId: o.orderId };
    },
    anchored: async () => false,
    get: async (_c, id) => placed.get(id) ?? null,
    requestCancellation: async (_c, id) =>
      id === "SHIPPED-1" ? "too-late" : placed.has(id) ? "requested" : "not-found",
  };
}

const idempotency: Idempotency = {
  newKey: (key, requestHash) => {
    const at = new Date(0);
    return { id: `key-${key}`, key, requestHash, leaseUntil: at, createdAt: at, expiresAt: at };
  },
  begin: async (_c, _k, _h, orderId) => ({ state: "new", orderId, lease: new Date(0) }),
  abandon: async () => {},
  release: async () => {},
};

const scopesOf = (token: string): Scope[] =>
  token === "all" ? [...SCOPES] : token === "none" ? [] : SCOPES.filter((s) => s.replace(":", ".") === token);

/**
 * TG11's PR00 records: a list price of 125.00 EUR per 10 PC with a scale from 10 PC (118.75),
 * customer C1's own record 87.50 per 10 PC with a scale from 20 PC (80.00), and a deleted C1
 * record (1.00). TG99 exists without a price.
 */
const TG11_PRICING: PricingConditions = {
  list: [
    {
      record: "L1",
      customer: null,
      rate: "125.000",
      per: 10,
      currency: "EUR",
      validFrom: "2020-01-01",
      validTo: "9999-12-31",
      deleted: false,
    },
  ],
  customerRecords: [
    {
      record: "C1",
      customer: "C1",
      rate: "87.500",
      per: 10,
      currency: "EUR",
      validFrom: "2020-01-01",
      validTo: "9999-12-31",
      deleted: false,
    },
    {
      record: "C0",
      customer: "C1",
      rate: "1.000",
      per: 1,
      currency: "EUR",
      validFrom: "2020-01-01",
      validTo: "9999-12-31",
      deleted: true,
    },
  ],
  scales: [
    { record: "L1", from: 10, rate: "118.750" },
    { record: "C1", from: 20, rate: "80.000" },
  ],
};

export function storefront() {
  const deps = {
    basePath: BASE,
    clients: {
      find: async (clientId: string) => ({
        clientId,
        name: clientId,
        secretHash: "",
        scopes: [...SCOPES],
        rateLimitPerMinute: 100,
        revokedAt: null,
      }),
    },
    tokens: {
      verify: async (token: string) => {
        if (token === "forged") throw new InvalidTokenError("signature verification failed");
        return { clientId: "web", scopes: scopesOf(token) };
      },
      jwks: async () => ({ keys: [{ kty: "EC", kid: "k1", crv: "P-256", x: "x", y: "y" }] }),
      issue: async () => ({ access_token: "t", token_type: "Bearer", expires_in: 600, scope: "" }),
    } as unknown as AccessTokens,
    limiter: {
      hit: async (_k: string, limit: number) => ({
        allowed: true,
        limit,
        remaining: limit - 1,
        resetSeconds: 60,
      }),
    } as unknown as SlidingWindowLimiter,
    catalog: {
      list: async () => ({ items: [product("TG11")], total: 1 }),
      get: async (sku: string) => (sku === "TG11" ? product(sku) : null),
      stock: async (skus: string[]) => skus.map((sku) => ({ sku, available: 5, updatedAt: AT })),
      pricing: async (skus: string[]) =>
        new Map(
          skus.flatMap((sku): [string, PricingConditions | null][] =>
            sku === "TG11" ? [[sku, TG11_PRICING]] : sku === "TG99" ? [[sku, null]] : [],
          ),
        ),
    },
    images: memoryImages(),
    customers: { get: async (id: string) => (id === "C1" ? customer : null) },
    carts: carts(),
    orders: orders(),
    idempotency,
    logger: { info: () => {}, warn: () => {}, error: () => {} } as never,
  };
  const handle = createStorefrontApi(deps);
  const call = async (
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers["content-type"] ??= "application/json";
    const res = await handle(
      new Request(`http://localhost${BASE}${path}`, {
        method,
        headers,
        ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
      }),
    );
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
  };
  return { call, deps };
}

type Answer = Awaited<ReturnType<ReturnType<typeof storefront>["call"]>>;

/**
 * The answer is one the route declares: a declared status whose body its schema accepts, or a
 * problem of a type the route may answer, with that type's status. And the OpenAPI document
 * says so too.
 */
export function expectDeclared(route: Route, res: Answer): void {
  const what = `${route.method} ${route.path} → ${res.status}`;
  const op = buildOpenApi(BASE).paths[route.path]?.[route.method.toLowerCase()];
  expect(op?.responses[String(res.status)], `${what} is in the OpenAPI document`).toBeDefined();
  if (res.headers.get("content-type") === "application/problem+json") {
    const type = String(res.body?.type).split("/").at(-1);
    expect(problemsOf(route), what).toContain(type);
    // the document's Problem schema admits no other members (a client's validator refuses them)
    const declared = Object.keys(problemSchema.shape);
    expect(
      Object.keys(res.body ?? {}).filter((k) => !declared.includes(k)),
      `${what}: members the Problem schema does not declare`,
    ).toEqual([]);
    return;
  }
  const declared = route.responses[res.status];
  expect(declared, what).toBeDefined();
  if (declared?.schema && res.body !== null) {
    const parsed = declared.schema.safeParse(res.body);
    expect(parsed.success, `${what}: ${parsed.error?.message}`).toBe(true);
  }
}
