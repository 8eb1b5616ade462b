/**
 * Demo storefront traffic: a storefront backend that browses the catalog, fills carts, submits
 * orders (with Idempotency-Key, sometimes retrying the same request as a flaky network would)
 * and now and then asks to cancel. Talks only to the public storefront API, like the real
 * storefront. Bounded: stops after DEMO_MAX_ORDERS orders or DEMO_DURATION_S seconds.
 *
 *   DEMO_RATE_PER_MIN=20 DEMO_CLIENT_ID=demo-storefront DEMO_CLIENT_SECRET=… tsx scripts/demo-traffic.ts
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { verifyWebhook } from "@icp/domain";

const base = process.env.STOREFRONT_API_URL ?? "http://127.0.0.1:3000/api/storefront/v1";
const clientId = process.env.DEMO_CLIENT_ID ?? "demo-storefront";
const clientSecret = process.env.DEMO_CLIENT_SECRET ?? "demo-storefront-secret-local-only";
const ratePerMin = Number(process.env.DEMO_RATE_PER_MIN ?? 20);
const maxOrders = Number(process.env.DEMO_MAX_ORDERS ?? 100_000);
const deadline = Date.now() + Number(process.env.DEMO_DURATION_S ?? 24 * 3600) * 1000;

let token = "";
let tokenExpires = 0;

async function accessToken(): Promise<string> {
  if (token && Date.now() < tokenExpires - 30_000) return token;
  const res = await fetch(`${base}/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  if (!res.ok) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { access_token: string; expires_in: number };
  token = body.access_token;
  tokenExpires = Date.now() + body.expires_in * 1000;
  return token;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await accessToken()}`,
      ...(body ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

async function oneShopper(customers: string[], skus: string[], n: number) {
  const customerId = pick(customers);
  const lines = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
    sku: pick(skus),
    quantity: 1 + Math.floor(Math.random() * 3),
  }));
  const uniqueLines = [...new Map(lines.map((l) => [l.sku, l])).values()];
  const cart = await call("POST", "/carts", { customerId, currency: "EUR", lines: uniqueLines });
  if (cart.status !== 201) return log("cart refused", cart.status, cart.body.title);
  const key = randomUUID();
  const order = await call(
    "POST",
    "/orders",
    { customerId, currency: "EUR", cartId: cart.body.id },
    { "Idempotency-Key": key },
  );
  // A flaky network: some clients retry the very same request; the API must answer the same.
  if (Math.random() < 0.1)
    await call(
      "POST",
      "/orders",
      { customerId, currency: "EUR", cartId: cart.body.id },
      { "Idempotency-Key": key },
    );
  log(`order ${n}`, order.status, order.body.orderId ?? order.body.title);
  if (order.status === 202 && Math.random() < 0.05) {
    setTimeout(
      () =>
        void call("POST", `/orders/${order.body.orderId}/cancellation`, {
          reason: "customer changed their mind",
        }).then((r) => log("cancel", r.status)),
      5_000,
    );
  }
}

function log(...parts: unknown[]) {
  console.log(
    JSON.stringify({
      "@timestamp": new Date().toISOString(),
      "service.name": "demo-traffic",
      message: parts.join(" "),
    }),
  );
}

/** The storefront's webhook endpoint: verify each signature as a real receiver must. */
function receiveWebhooks(port: number, secret: string) {
  createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
      );
      const check = verifyWebhook(secret, headers, body);
      res.writeHead(check.ok ? 204 : 401).end();
      const event = check.ok ? (JSON.parse(body) as { type: string; data: Record<string, unknown> }) : null;
      log(
        check.ok
          ? `webhook ${event?.type} ${JSON.stringify(event?.data)}`
          : `webhook REJECTED: ${check.reason}`,
      );
    });
  }).listen(port, "127.0.0.1");
}

async function main() {
  if (process.env.WEBHOOK_SECRET_DEMO)
    receiveWebhooks(Number(process.env.DEMO_WEBHOOK_PORT ?? 4020), process.env.WEBHOOK_SECRET_DEMO);
  const products = await call("GET", "/products?pageSize=200&inStock=true");
  const skus = ((products.body.items as { id: string }[]) ?? []).map((p) => p.id);
  const file = new URL("../.local/demo-customers.txt", import.meta.url);
  const customers = (process.env.DEMO_CUSTOMERS ?? (existsSync(file) ? readFileSync(file, "utf8") : ""))
    .split(",")
    .filter(Boolean);
  if (!skus.length || !customers.length)
    throw new Error(
      `need products and DEMO_CUSTOMERS (got ${skus.length} products, ${customers.length} customers)`,
    );
  log(`demo traffic: ${ratePerMin}/min over ${skus.length} products and ${customers.length} customers`);
  for (let n = 1; n <= maxOrders && Date.now() < deadline; n++) {
    await oneShopper(customers, skus, n).catch((e) => log("shopper failed:", (e as Error).message));
    await new Promise((r) => setTimeout(r, (60_000 / ratePerMin) * (0.5 + Math.random())));
  }
}

main().catch((e) => {
  log("demo traffic stopped:", (e as Error).message);
  process.exit(1);
});
