import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SapErrorBody } from "@icp/sap-odata";
import { afterEach, describe, expect, it } from "vitest";
import { SapClient } from "./client";
import { SapError, sapErrorCodeFor } from "./errors";

/** A purpose-built imitation of SAP Gateway's answers, on a real socket. */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function fakeSap(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "HEAD") return void res.writeHead(200, { "x-csrf-token": "t" }).end();
      handler(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push({ close: () => server.close() });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(baseUrl: string) {
  return new SapClient({
    baseUrl,
    client: "100",
    language: "EN",
    auth: { kind: "basic", username: "U", password: "secret-pw" },
    timeoutMs: 500,
    maxConcurrency: 4,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    breaker: { failureThreshold: 5, openMs: 1000, halfOpenMaxCalls: 1 },
    sleep: async () => {},
  });
}

const DAY = 86_400_000;
const duplicateBody = (reference: string, existing: string, severity = "error") =>
  JSON.stringify({
    error: {
      code: "V4/115",
      message: {
        lang: "en",
        value: `Purchase order number ${reference} already exists in sales document ${existing}`,
      },
      innererror: {
        errordetails: [
          {
            code: "V4/115",
            message: `Purchase order number ${reference} already exists in sales document ${existing}`,
            severity,
            target: "A_SalesOrder/PurchaseOrderByCustomer",
          },
        ],
      },
    },
  });
const collection = (rows: { so: string; soldTo: string; day: number }[]) =>
  JSON.stringify({
    d: {
      results: rows.map((r) => ({
        __metadata: { type: "API_SALES_ORDER_SRV.A_SalesOrderType" },
        SalesOrder: r.so,
        PurchaseOrderByCustomer: "SF-1",
        SoldToParty: r.soldTo,
        CreationDate: `/Date(${r.day * DAY})/`,
      })),
    },
  });
const order = { PurchaseOrderByCustomer: "SF-1", SoldToParty: "17100001", to_Item: [] };

describe("SAP's duplicate purchase-order check in the client", () => {
  it("maps V4/115 to SAP_DUPLICATE_PURCHASE_ORDER: business, not retryable, not ambiguous", async () => {
    let posts = 0;
    const url = await fakeSap((_req, res) => {
      posts++;
      res.writeHead(400, { "content-type": "application/json" }).end(duplicateBody("SF-1", "4711"));
    });
    const err = await client(url)
      .salesOrders.create(order)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SapError);
    expect(err).toMatchObject({
      code: "SAP_DUPLICATE_PURCHASE_ORDER",
      retryable: false,
      ambiguous: false,
      httpStatus: 400,
      sapCode: "V4/115",
      business: "duplicatePurchaseOrder",
    });
    expect(posts).toBe(1);
  });

  it("keeps another refusal that carries V4/115 only as a warning beside it", () => {
    const body = JSON.parse(duplicateBody("SF-1", "4711", "warning")) as SapErrorBody;
    body.error.code = "V1/320";
    expect(sapErrorCodeFor(400, body.error)).toBe("SAP_BUSINESS_ERROR");
    expect(sapErrorCodeFor(400, (JSON.parse(duplicateBody("SF-1", "4711")) as SapErrorBody).error)).toBe(
      "SAP_DUPLICATE_PURCHASE_ORDER",
    );
    // only a refusal (400) is the check; the status mapping is unchanged otherwise
    expect(sapErrorCodeFor(404)).toBe("SAP_NOT_FOUND");
  });

  it("answers a refused create with the booking it collided with: created false, refusedAsDuplicate", async () => {
    const seen: string[] = [];
    const url = await fakeSap((req, res) => {
      seen.push(`${req.method} ${decodeURIComponent(req.url ?? "")}`);
      if (req.method === "POST")
        return void res
          .writeHead(400, { "content-type": "application/json" })
          .end(duplicateBody("SF-1", "4711"));
      res.writeHead(200, { "content-type": "application/json" }).end(
        collection([
          { so: "4700", soldTo: "17100099", day: 20_000 },
          { so: "4711", soldTo: "17100001", day: 20_000 },
        ]),
      );
    });
    const result = await client(url).createSalesOrderOnce(order, { mayExist: false });
    expect(result).toEqual({ salesOrder: "4711", created: false, refusedAsDuplicate: true, messages: [], blocks: [] });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^POST /);
    expect(seen[1]).toContain("$filter=PurchaseOrderByCustomer eq 'SF-1'");
    expect(seen[1]).toContain("$orderby=CreationDate,SalesOrder");
    expect(seen[1]).toContain("$top=20");
  });

  it("rethrows the refusal when the lookup cannot see the booking SAP named", async () => {
    const url = await fakeSap((req, res) => {
      if (req.method === "POST")
        return void res
          .writeHead(400, { "content-type": "application/json" })
          .end(duplicateBody("SF-1", "4711"));
      res.writeHead(200, { "content-type": "application/json" }).end(collection([]));
    });
    await expect(client(url).createSalesOrderOnce(order, { mayExist: false })).rejects.toMatchObject({
      code: "SAP_DUPLICATE_PURCHASE_ORDER",
    });
  });

  it("finds every booking of a reference, oldest first, numbers compared as numbers", async () => {
    const url = await fakeSap((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(
        collection([
          { so: "10", soldTo: "17100001", day: 20_001 },
          { so: "9", soldTo: "17100001", day: 20_001 },
          { so: "11", soldTo: "17100001", day: 20_000 },
        ]),
      );
    });
    const found = await client(url).salesOrders.findByPurchaseOrderByCustomer("SF-1");
    expect(found.map((o) => o.SalesOrder)).toEqual(["11", "9", "10"]);
  });
});

describe("SAP's clock as its answers show it", () => {
  it("reads the Date header into each response, each page and transport.lastServerTime", async () => {
    // SAP five minutes behind us; HTTP dates have whole seconds
    const sapNow = new Date(Math.floor((Date.now() - 5 * 60_000) / 1000) * 1000);
    const url = await fakeSap((_req, res) => {
      res
        .writeHead(200, { "content-type": "application/json", date: sapNow.toUTCString() })
        .end(JSON.stringify({ d: { results: [], __count: "0" } }));
    });
    const sap = client(url);
    expect(sap.transport.lastServerTime).toBeUndefined();
    const page = await sap.stock.page({ top: 10, skip: 0 });
    expect(page.serverTime).toEqual(sapNow);
    expect(sap.transport.lastServerTime).toEqual(sapNow);
  });
});
