import type { IncomingMessage, ServerResponse } from "node:http";
import { createStorefrontApi } from "@icp/storefront-api";
import { storefront } from "@icp/storefront-api/routes/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  createStorefrontClient,
  ProblemError,
  type RetryPolicy,
  TokenError,
  UnexpectedResponseError,
} from "./index";
import { serve } from "./testing";

const BASE = "/api/storefront/v1";
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function start(handler: Parameters<typeof serve>[0]) {
  const s = await serve(handler);
  closers.push(s.close);
  return s.url;
}

/** The storefront API's real router (in-memory ports) behind a real socket; its token endpoint issues "all". */
async function realApi() {
  const handle = createStorefrontApi(storefront().deps);
  const tokenCalls: string[] = [];
  const url = await start(async (req, body, res) => {
    if (req.url === `${BASE}/oauth/token`) {
      tokenCalls.push(String(req.headers.authorization));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: "all", token_type: "Bearer", expires_in: 600, scope: "" }));
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const method = req.method ?? "GET";
    const answer = await handle(
      new Request(`http://localhost${req.url}`, {
        method,
        headers,
        ...(method === "GET" || method === "HEAD" ? {} : { body }),
      }),
    );
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  return { url: `${url}${BASE}`, tokenCalls };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const problem = status >= 400 && typeof body === "object" && body !== null && "type" in body;
  res.writeHead(status, {
    "content-type": problem ? "application/problem+json" : "application/json",
    ...headers,
  });
  res.end(JSON.stringify(body));
}

const tokenAnswer = (token: string, expiresIn = 600) => ({
  access_token: token,
  token_type: "Bearer",
  expires_in: expiresIn,
  scope: "catalog:read",
});

describe("typed calls against the API's own router over HTTP", () => {
  it("lists and reads products, and answers problems as typed errors", async () => {
    const { url, tokenCalls } = await realApi();
    const sdk = createStorefrontClient({ baseUrl: url, clientId: "web shop", clientSecret: "s3cr:t" });
    const page = await sdk.listProducts({ pageSize: 10 });
    expect(page.items.map((p) => p.id)).toEqual(["TG11"]);
    const product = await sdk.getProduct("TG11");
    expect(product.price).toEqual({ amount: "9.90", currency: "EUR" });
    const missing = await sdk.getProduct("NOPE").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ProblemError);
    expect((missing as ProblemError).status).toBe(404);
    expect((missing as ProblemError).is("not-found")).toBe(true);
    // one token for all three calls, sent as HTTP Basic with the id and secret form-encoded
    expect(tokenCalls).toEqual([`Basic ${btoa("web%20shop:s3cr%3At")}`]);
  });

  it("a cart line over the stock is an insufficient-stock problem carrying sku and available", async () => {
    const { url } = await realApi();
    const sdk = createStorefrontClient({ baseUrl: url, clientId: "web", clientSecret: "s" });
    const cart = await sdk.getCart("00000000-0000-4000-8000-000000000001");
    const e = await sdk.setCartLine(cart.id, "TG11", 9).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).problemName).toBe("insufficient-stock");
    expect((e as ProblemError).problem).toMatchObject({ status: 422, sku: "TG11", available: 5 });
    expect((await sdk.setCartLine(cart.id, "TG11", 2)).lines).toEqual([
      { sku: "TG11", quantity: 2, unitPrice: "9.90" },
    ]);
  });

  it("places an order with a generated Idempotency-Key and reads its status", async () => {
    const { url } = await realApi();
    const sdk = createStorefrontClient({ baseUrl: url, clientId: "web", clientSecret: "s" });
    const accepted = await sdk.placeOrder({
      customerId: "C1",
      currency: "EUR",
      lines: [{ sku: "TG11", quantity: 1 }],
    });
    expect(accepted.status).toBe("RECEIVED");
    expect((await sdk.getOrder(accepted.orderId)).status).toBe("RECEIVED");
    const refused = await sdk
      .placeOrder({ customerId: "C9", currency: "EUR", lines: [{ sku: "TG11", quantity: 1 }] })
      .catch((e: unknown) => e);
    expect((refused as ProblemError).problemName).toBe("unknown-customer");
  });
});

describe("tokens", () => {
  it("caches the token until shortly before it expires, then fetches a new one (once for concurrent calls)", async () => {
    let issued = 0;
    const seen: string[] = [];
    const url = await start((req, _body, res) => {
      if (req.url === "/oauth/token") return json(res, 200, tokenAnswer(`tok-${++issued}`, 120));
      seen.push(String(req.headers.authorization));
      json(res, 200, { items: [] });
    });
    let now = 1_000_000;
    const sdk = createStorefrontClient({ baseUrl: url, clientId: "c", clientSecret: "s", now: () => now });
    await Promise.all([sdk.getStock(["A"]), sdk.getStock(["B"]), sdk.getStock(["C"])]);
    now += 80_000; // 40 s left: still used (renewed 30 s before expiry)
    await sdk.getStock(["A"]);
    now += 15_000; // 25 s left: renewed
    await sdk.getStock(["A"]);
    expect(issued).toBe(2);
    expect(seen).toEqual([...Array(4).fill("Bearer tok-1"), "Bearer tok-2"]);
  });

  it("renews the token once when the API answers 401, and sends the request again", async () => {
    let issued = 0;
    const url = await start((req, _body, res) => {
      if (req.url === "/oauth/token") return json(res, 200, tokenAnswer(`tok-${++issued}`));
      if (req.headers.authorization === "Bearer tok-1")
        return json(res, 401, { type: "x/unauthorized", title: "Unauthorized", status: 401 });
      json(res, 200, { items: [{ sku: "A", available: 3, updatedAt: null }] });
    });
    const sdk = createStorefrontClient({ baseUrl: url, clientId: "c", clientSecret: "s" });
    expect(await sdk.getStock(["A"])).toEqual([{ sku: "A", available: 3, updatedAt: null }]);
    expect(issued).toBe(2);
  });

  it("a refused client is a TokenError with the OAuth error code", async () => {
    const url = await start((_req, _body, res) =>
      json(res, 401, { error: "invalid_client", error_description: "unknown client or wrong secret" }),
    );
    const sdk = createStorefrontClient({ baseUrl: url, clientId: "c", clientSecret: "bad" });
    const e = await sdk.getStock(["A"]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TokenError);
    expect((e as TokenError).error).toBe("invalid_client");
  });

  it("a token endpoint answering a problem or a proxy's page is a ProblemError or an UnexpectedResponseError", async () => {
    const url = await start((req, _body, res) => {
      // "Yzpz" is btoa("c:s"): client c/s meets an outage, client c/t a proxy's error page
      if (req.headers.authorization?.startsWith("Basic Yzpz"))
        return json(
          res,
          503,
          { type: "x/dependency-unavailable", title: "Down", status: 503 },
          { "retry-after": "60" },
        );
      res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>");
    });
    const down = createStorefrontClient({ baseUrl: url, clientId: "c", clientSecret: "s" });
    const e = await down.getStock(["A"]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).retryAfterSeconds).toBe(60);
    const proxied = createStorefrontClient({ baseUrl: url, clientId: "c", clientSecret: "t" });
    const e2 = await proxied.getStock(["A"]).catch((x: unknown) => x);
    expect(e2).toBeInstanceOf(UnexpectedResponseError);
    expect((e2 as UnexpectedResponseError).body).toContain("Bad gateway");
  });
});

describe("retries", () => {
  function scripted(answers: ((res: ServerResponse) => void)[]) {
    const requests: IncomingMessage[] = [];
    const bodies: string[] = [];
    return {
      requests,
      bodies,
      handler: (req: IncomingMessage, body: string, res: ServerResponse) => {
        if (req.url === "/oauth/token") return json(res, 200, tokenAnswer("t"));
        requests.push(req);
        bodies.push(body);
        const next = answers.shift();
        if (next) return next(res);
        json(res, 202, { orderId: "o-1", status: "RECEIVED", statusUrl: "/orders/o-1" });
      },
    };
  }
  const order = { customerId: "C1", currency: "EUR", lines: [{ sku: "TG11", quantity: 1 }] };
  /** A client of `s`'s server whose waits between attempts are recorded, not slept. */
  async function retryingClient(s: ReturnType<typeof scripted>, retry?: Partial<RetryPolicy>) {
    const waits: number[] = [];
    const sdk = createStorefrontClient({
      baseUrl: await start(s.handler),
      clientId: "c",
      clientSecret: "s",
      ...(retry ? { retry } : {}),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    return { sdk, waits };
  }

  it("retries 429 and 503 after Retry-After, with the same Idempotency-Key and body", async () => {
    const s = scripted([
      (res) =>
        json(
          res,
          503,
          { type: "x/dependency-unavailable", title: "Down", status: 503 },
          { "retry-after": "2" },
        ),
      (res) =>
        json(res, 429, { type: "x/rate-limited", title: "Slow down", status: 429 }, { "retry-after": "1" }),
    ]);
    const { sdk, waits } = await retryingClient(s);
    expect((await sdk.placeOrder(order)).orderId).toBe("o-1");
    expect(waits).toEqual([2000, 1000]);
    const keys = s.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(s.bodies)).toEqual(new Set([JSON.stringify(order)]));
  });

  it("keeps the caller's own Idempotency-Key", async () => {
    const s = scripted([
      (res) => json(res, 503, { type: "x/d", title: "Down", status: 503 }, { "retry-after": "0" }),
    ]);
    const { sdk } = await retryingClient(s);
    await sdk.placeOrder(order, { idempotencyKey: "checkout-cart-42" });
    expect(s.requests.map((r) => r.headers["idempotency-key"])).toEqual([
      "checkout-cart-42",
      "checkout-cart-42",
    ]);
  });

  it("gives up after maxAttempts, and does not wait for a Retry-After over the cap: the problem is thrown", async () => {
    const down = (res: ServerResponse) =>
      json(
        res,
        503,
        { type: "x/dependency-unavailable", title: "Down", status: 503, dependency: "kafka" },
        {
          "retry-after": "1",
        },
      );
    const s = scripted([down, down, down, down, down]);
    const { sdk, waits } = await retryingClient(s, { maxAttempts: 3 });
    const e = (await sdk.placeOrder(order).catch((x: unknown) => x)) as ProblemError;
    expect(e).toBeInstanceOf(ProblemError);
    expect(e.problem.dependency).toBe("kafka");
    expect(e.retryAfterSeconds).toBe(1);
    expect(s.requests).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);

    const far = scripted([
      (res) =>
        json(res, 429, { type: "x/rate-limited", title: "Later", status: 429 }, { "retry-after": "3600" }),
    ]);
    const { sdk: sdk2 } = await retryingClient(far);
    const e2 = (await sdk2.placeOrder(order).catch((x: unknown) => x)) as ProblemError;
    expect(e2.status).toBe(429);
    expect(far.requests).toHaveLength(1);
  });

  it("does not retry other failures (a 422 is the caller's to fix)", async () => {
    const s = scripted([
      (res) =>
        json(res, 422, {
          type: "x/insufficient-stock",
          title: "Insufficient stock",
          status: 422,
          sku: "TG11",
          available: 0,
        }),
    ]);
    const { sdk } = await retryingClient(s);
    await expect(sdk.placeOrder(order)).rejects.toBeInstanceOf(ProblemError);
    expect(s.requests).toHaveLength(1);
  });
});
