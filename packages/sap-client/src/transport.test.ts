import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CircuitBreaker } from "./breaker";
import { SapClient } from "./client";
import { classifyBusiness, SapError } from "./errors";
import { backoffMs, parseRetryAfter } from "./retry";
import type { SapClientConfig } from "./transport";

/** A purpose-built imitation of SAP Gateway's HTTP behaviour, on a real socket. */
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function fakeSap(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => handler(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push({ close: () => server.close() });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const sapError = (code: string, value: string) =>
  JSON.stringify({
    error: {
      code,
      message: { lang: "en", value },
      innererror: { errordetails: [{ code, message: value, severity: "error" }] },
    },
  });

function client(baseUrl: string, over: Partial<SapClientConfig> = {}, sleeps: number[] = []) {
  return new SapClient({
    baseUrl,
    client: "100",
    language: "EN",
    auth: { kind: "basic", username: "U", password: "secret-pw" },
    timeoutMs: 500,
    maxConcurrency: 4,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    breaker: { failureThreshold: 5, openMs: 1000, halfOpenMaxCalls: 1 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...over,
  });
}

const salesOrderJson = (so: string, po: string) =>
  JSON.stringify({
    d: {
      __metadata: { type: "API_SALES_ORDER_SRV.A_SalesOrderType" },
      SalesOrder: so,
      PurchaseOrderByCustomer: po,
      LastChangeDateTime: "/Date(1700000000000+0000)/",
    },
  });

describe("SAP transport", () => {
  it("fetches a CSRF token with the session cookie, and refetches once when SAP says Required", async () => {
    let tokenGen = 0;
    let valid = "";
    const seen: string[] = [];
    const url = await fakeSap((req, res) => {
      seen.push(`${req.method} ${req.headers["x-csrf-token"] ?? "-"} ${req.headers.cookie ?? "-"}`);
      expect(req.url).toContain("sap-client=100");
      if (req.headers["x-csrf-token"] === "Fetch") {
        valid = `T${++tokenGen}`;
        res
          .writeHead(200, {
            "x-csrf-token": valid,
            "set-cookie": `SAP_SESSIONID_ABC_100=s${tokenGen}; path=/`,
          })
          .end();
        return;
      }
      if (req.method === "POST" && (req.headers["x-csrf-token"] !== valid || tokenGen === 1)) {
        if (tokenGen === 1) valid = "expired";
        res.writeHead(403, { "x-csrf-token": "Required" }).end("CSRF token validation failed");
        return;
      }
      res.writeHead(201, { "content-type": "application/json" }).end(salesOrderJson("5000001", "SF-1"));
    });
    const so = await client(url).salesOrders.create({ PurchaseOrderByCustomer: "SF-1", to_Item: [] });
    expect(so.SalesOrder).toBe("5000001");
    expect(so.LastChangeDateTime).toBeInstanceOf(Date);
    expect(seen).toEqual([
      "HEAD Fetch -",
      "POST T1 SAP_SESSIONID_ABC_100=s1",
      "HEAD Fetch SAP_SESSIONID_ABC_100=s1",
      "POST T2 SAP_SESSIONID_ABC_100=s2",
    ]);
  });

  it("retries 503 and honours Retry-After on 429 for reads", async () => {
    let calls = 0;
    const url = await fakeSap((_req, res) => {
      calls++;
      if (calls === 1) return void res.writeHead(503).end();
      if (calls === 2) return void res.writeHead(429, { "retry-after": "2" }).end();
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ d: { results: [], __count: "0" } }));
    });
    const sleeps: number[] = [];
    const page = await client(url, {}, sleeps).products.page({ top: 10, skip: 0 });
    expect(page.total).toBe(0);
    expect(calls).toBe(3);
    expect(sleeps[1]).toBeGreaterThanOrEqual(2000);
  });

  it("adds context headers (a fresh traceparent) to every request, retries included", async () => {
    const seen: string[] = [];
    let calls = 0;
    const url = await fakeSap((req, res) => {
      seen.push(String(req.headers.traceparent));
      if (++calls === 1) return void res.writeHead(503).end();
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ d: { results: [], __count: "0" } }));
    });
    let span = 0;
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    await client(url, {
      contextHeaders: () => ({ traceparent: `00-${traceId}-${String(++span).padStart(16, "0")}-01` }),
    }).products.page({ top: 1, skip: 0 });
    expect(seen).toEqual([`00-${traceId}-0000000000000001-01`, `00-${traceId}-0000000000000002-01`]);
  });

  it("never retries a business error and says what the problem is", async () => {
    let calls = 0;
    const url = await fakeSap((req, res) => {
      if (req.method === "HEAD") return void res.writeHead(200, { "x-csrf-token": "t" }).end();
      calls++;
      res
        .writeHead(400, { "content-type": "application/json" })
        .end(sapError("M3/305", "Material ZZZ does not exist"));
    });
    const err = (await client(url)
      .salesOrders.create({ to_Item: [] })
      .catch((e: unknown) => e)) as SapError;
    expect(err).toBeInstanceOf(SapError);
    expect(err).toMatchObject({
      code: "SAP_BUSINESS_ERROR",
      retryable: false,
      httpStatus: 400,
      sapCode: "M3/305",
      business: "unknownMaterial",
    });
    expect(calls).toBe(1);
    expect(JSON.stringify(err) + String(err) + err.message).not.toContain("secret-pw");
  });

  it("turns a slow answer into SAP_TIMEOUT after the configured time", async () => {
    const url = await fakeSap(() => {
      /* never answers */
    });
    const err = (await client(url, { timeoutMs: 100, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } })
      .products.page({ top: 1, skip: 0 })
      .catch((e: unknown) => e)) as SapError;
    expect(err.code).toBe("SAP_TIMEOUT");
    expect(err.retryable).toBe(true);
  });

  it("opens the breaker after repeated failures, fails fast, then closes after a good probe", async () => {
    let up = false;
    const url = await fakeSap((_req, res) => {
      if (!up) return void res.writeHead(502).end();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ d: { results: [] } }));
    });
    let now = 0;
    const states: string[] = [];
    const c = client(url, {
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      breaker: { failureThreshold: 3, openMs: 1000, halfOpenMaxCalls: 1, now: () => now },
      onBreakerState: (s) => states.push(s),
    });
    for (let i = 0; i < 3; i++)
      await expect(c.products.page({ top: 1, skip: 0 })).rejects.toMatchObject({ code: "SAP_UNAVAILABLE" });
    expect(c.health.breaker).toBe("open");
    await expect(c.products.page({ top: 1, skip: 0 })).rejects.toMatchObject({ code: "SAP_CIRCUIT_OPEN" });
    now = 1500;
    up = true;
    await c.products.page({ top: 1, skip: 0 });
    expect(states).toEqual(["open", "half-open", "closed"]);
  });

  it("never has more calls in flight than the cap", async () => {
    let inFlight = 0;
    let max = 0;
    const url = await fakeSap((_req, res) => {
      inFlight++;
      max = Math.max(max, inFlight);
      setTimeout(() => {
        inFlight--;
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ d: { results: [] } }));
      }, 10);
    });
    const c = client(url, { maxConcurrency: 4 });
    await Promise.all(Array.from({ length: 50 }, () => c.products.page({ top: 1, skip: 0 })));
    expect(max).toBeLessThanOrEqual(4);
    expect(c.health.concurrency.maxObserved).toBe(4);
  });
});

describe("createSalesOrderOnce", () => {
  it("makes exactly one sales order when SAP commits the create but the answer is lost", async () => {
    const orders: { so: string; po: string }[] = [];
    const url = await fakeSap((req, res, body) => {
      if (req.method === "HEAD") return void res.writeHead(200, { "x-csrf-token": "t" }).end();
      if (req.method === "GET") {
        const po = /PurchaseOrderByCustomer eq '([^']+)'/.exec(decodeURIComponent(req.url ?? ""))?.[1];
        const hits = orders
          .filter((o) => o.po === po)
          .map((o) => ({ SalesOrder: o.so, PurchaseOrderByCustomer: o.po }));
        return void res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ d: { results: hits } }));
      }
      const po = (JSON.parse(body) as { PurchaseOrderByCustomer: string }).PurchaseOrderByCustomer;
      orders.push({ so: String(5000000 + orders.length + 1), po });
      // Committed — then the connection drops before the answer.
      req.socket.destroy();
    });
    const c = client(url);
    const first = await c.createSalesOrderOnce({ PurchaseOrderByCustomer: "SF-9", to_Item: [] });
    expect(first).toEqual({ salesOrder: "5000001", created: true, messages: [], blocks: [] });
    const again = await c.createSalesOrderOnce({ PurchaseOrderByCustomer: "SF-9", to_Item: [] });
    expect(again).toEqual({ salesOrder: "5000001", created: false, messages: [], blocks: [] });
    expect(orders).toHaveLength(1);
  });

  it("skips the lookup when the caller knows no create was sent, and still looks up after an ambiguous failure", async () => {
    const calls: string[] = [];
    let dropNext = false;
    const orders: { so: string; po: string }[] = [];
    const url = await fakeSap((req, res, body) => {
      calls.push(req.method ?? "");
      if (req.method === "HEAD") return void res.writeHead(200, { "x-csrf-token": "t" }).end();
      if (req.method === "GET") {
        const po = /PurchaseOrderByCustomer eq '([^']+)'/.exec(decodeURIComponent(req.url ?? ""))?.[1];
        const hits = orders
          .filter((o) => o.po === po)
          .map((o) => ({ SalesOrder: o.so, PurchaseOrderByCustomer: o.po }));
        return void res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ d: { results: hits } }));
      }
      const po = (JSON.parse(body) as { PurchaseOrderByCustomer: string }).PurchaseOrderByCustomer;
      const so = String(7000000 + orders.length + 1);
      orders.push({ so, po });
      if (dropNext) return void req.socket.destroy();
      res.writeHead(201, { "content-type": "application/json" }).end(salesOrderJson(so, po));
    });
    const c = client(url);
    expect(
      await c.createSalesOrderOnce({ PurchaseOrderByCustomer: "SF-1", to_Item: [] }, { mayExist: false }),
    ).toEqual({ salesOrder: "7000001", created: true, messages: [], blocks: [] });
    expect(calls).toEqual(["HEAD", "POST"]);
    calls.length = 0;
    dropNext = true;
    expect(
      await c.createSalesOrderOnce({ PurchaseOrderByCustomer: "SF-2", to_Item: [] }, { mayExist: false }),
    ).toEqual({ salesOrder: "7000002", created: true, messages: [], blocks: [] });
    expect(calls).toEqual(["POST", "GET"]);
    expect(orders).toHaveLength(2);
  });
});

describe("resilience building blocks", () => {
  it("parses Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeNull();
  });

  it("backs off with full jitter under a cap", () => {
    const o = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 };
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, o))).toEqual([99, 199, 399, 799, 999]);
  });

  it("half-open lets one probe through and reopens on its failure", () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, openMs: 10, halfOpenMaxCalls: 1, now: () => now });
    b.failure();
    expect(() => b.acquire()).toThrow(SapError);
    now = 10;
    b.acquire();
    expect(() => b.acquire()).toThrow(/circuit breaker is open/);
    b.failure();
    expect(b.state).toBe("open");
  });

  it("classifies SAP business messages", () => {
    const e = (code: string, value: string) => ({ code, message: { value } });
    expect(classifyBusiness(e("V1/440", "Sold-to party 17100009 is blocked for orders"))).toBe(
      "blockedCustomer",
    );
    expect(classifyBusiness(e("VK/018", "No pricing condition found"))).toBe("pricingError");
    expect(classifyBusiness(e("V1/302", "Customer 1 does not exist"))).toBe("unknownCustomer");
    expect(classifyBusiness(e("ZZ/1", "Quantity must be positive"))).toBe("invalidQuantity");
  });
});

describe("the caller's fence on a create", () => {
  it("runs once SAP's slot is held, so a runner that queued for the slot is checked when it gets it; refusing sends nothing", async () => {
    const posts: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const url = await fakeSap((req, res, body) => {
      if (req.method === "HEAD" || req.headers["x-csrf-token"] === "Fetch") {
        res.writeHead(200, { "x-csrf-token": "tok" }).end();
        return;
      }
      posts.push(body);
      const answer = () =>
        res
          .writeHead(201, { "content-type": "application/json" })
          .end(salesOrderJson(String(posts.length), "PO"));
      // The first create holds SAP's only slot until the test lets it go.
      if (posts.length === 1) void held.then(answer);
      else answer();
    });
    const sap = client(url, { maxConcurrency: 1 });
    const order = { PurchaseOrderByCustomer: "PO", to_Item: [] };
    const first = sap.salesOrders.createWithMessages(order);
    await new Promise((r) => setTimeout(r, 50));
    const fenceCalls: number[] = [];
    const second = sap.salesOrders.createWithMessages(order, {
      beforeSend: async () => {
        fenceCalls.push(posts.length);
        throw new Error("claim superseded");
      },
    });
    await new Promise((r) => setTimeout(r, 50));
    // Still queued for the slot: the fence has not run yet.
    expect(fenceCalls).toEqual([]);
    release();
    await first;
    await expect(second).rejects.toThrow("claim superseded");
    // It ran after the first create had the slot and was answered; nothing more was sent.
    expect(fenceCalls).toEqual([1]);
    expect(posts).toHaveLength(1);
    await sap.close();
  });
});

describe("the caller's last check, right before the wire", () => {
  it("a fence whose synchronous check refuses sends nothing, its error as is, and the breaker is not blamed", async () => {
    const posts: string[] = [];
    const url = await fakeSap((req, res) => {
      if (req.headers["x-csrf-token"] === "Fetch") {
        res.writeHead(200, { "x-csrf-token": "tok" }).end();
        return;
      }
      posts.push(req.url ?? "");
      res.writeHead(201, { "content-type": "application/json" }).end(salesOrderJson("1", "PO"));
    });
    const sap = client(url, { breaker: { failureThreshold: 1, openMs: 60_000, halfOpenMaxCalls: 1 } });
    const order = { PurchaseOrderByCustomer: "PO", to_Item: [] };
    const order_ = sap.salesOrders.createWithMessages(order, {
      beforeSend: async () => () => {
        throw new Error("stalled past its lock");
      },
    });
    await expect(order_).rejects.toThrow("stalled past its lock");
    expect(posts).toEqual([]);
    // not SAP's failure: with a threshold of one, an open circuit would refuse this create
    let checked = 0;
    const ok = await sap.salesOrders.createWithMessages(order, {
      beforeSend: async () => () => {
        checked++;
      },
    });
    expect(ok.order.SalesOrder).toBe("1");
    expect(checked).toBe(1);
    expect(posts).toHaveLength(1);
    await sap.close();
  });
});

describe("the circuit breaker when a call ends without a verdict", () => {
  it("a half-open circuit whose probe was refused by the caller's fence lets the next probe through", async () => {
    let sapDown = true;
    const url = await fakeSap((req, res) => {
      if (req.headers["x-csrf-token"] === "Fetch") {
        res.writeHead(200, { "x-csrf-token": "tok" }).end();
        return;
      }
      if (sapDown) res.writeHead(503).end();
      else res.writeHead(201, { "content-type": "application/json" }).end(salesOrderJson("1", "PO"));
    });
    const sap = client(url, { breaker: { failureThreshold: 1, openMs: 20, halfOpenMaxCalls: 1 } });
    const order = { PurchaseOrderByCustomer: "PO", to_Item: [] };
    // SAP down: the first create opens the circuit.
    await expect(sap.salesOrders.create(order)).rejects.toBeInstanceOf(SapError);
    await new Promise((r) => setTimeout(r, 40));
    sapDown = false;
    // Half-open: the probe is refused by its caller before anything is sent.
    await expect(
      sap.salesOrders.createWithMessages(order, {
        beforeSend: async () => {
          throw new Error("fenced out");
        },
      }),
    ).rejects.toThrow("fenced out");
    // The probe slot was given back: SAP is asked again, and answers.
    expect((await sap.salesOrders.create(order)).SalesOrder).toBe("1");
    await sap.close();
  });
});
