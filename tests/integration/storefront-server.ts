import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Env, kafkaConnection } from "@icp/config";
import type { Db } from "@icp/db";
import { createLogger, type Logger } from "@icp/observability";
import type { ReadModel } from "@icp/read-model";
import {
  hashClientSecret,
  openStorefrontStores,
  type StorefrontStores,
  storefrontApiOnStores,
} from "@icp/storefront-api";
import type { Redis } from "ioredis";
import type { Producer } from "kafkajs";

export const STOREFRONT_BASE = "/api/storefront/v1";
/** Token settings of the test server (tests that forge or inspect tokens need them). */
export const STOREFRONT_ISSUER = "https://icp.test";
export const STOREFRONT_AUDIENCE = "storefront-api";
export const STOREFRONT_SIGNING_KEY_SECRET = "x".repeat(32);

/**
 * The storefront public API as the console mounts it, wired to the test's stores and served
 * over a real HTTP socket (node:http → fetch Request → handler → Response).
 */
export async function startStorefrontServer(
  deps: {
    db: Db;
    rm: ReadModel;
    producer: Producer;
    redis: Redis;
    rateLimitPrefix: string;
  },
  /** Settings a test shortens (leases, timeouts) and a logger it reads. */
  opts: {
    kafkaSendTimeoutMs?: number;
    idempotencyLeaseMs?: number;
    postgresTimeoutMs?: number;
    logger?: Logger;
  } = {},
): Promise<{ url: string; close(): void }> {
  const handle = storefrontApiOnStores(deps, {
    basePath: STOREFRONT_BASE,
    signingKeySecret: STOREFRONT_SIGNING_KEY_SECRET,
    issuer: STOREFRONT_ISSUER,
    audience: STOREFRONT_AUDIENCE,
    rateLimitPrefix: deps.rateLimitPrefix,
    logger: opts.logger ?? createLogger({ service: "it", level: "silent" }),
    ...(opts.kafkaSendTimeoutMs !== undefined ? { kafkaSendTimeoutMs: opts.kafkaSendTimeoutMs } : {}),
    ...(opts.idempotencyLeaseMs !== undefined ? { idempotencyLeaseMs: opts.idempotencyLeaseMs } : {}),
    ...(opts.postgresTimeoutMs !== undefined ? { postgresTimeoutMs: opts.postgresTimeoutMs } : {}),
  });
  return serveFetchHandler(handle, STOREFRONT_BASE);
}

/**
 * The storefront API on connections of its own, opened as the console process opens them,
 * served over node:http. `close` stops the server and closes the connections.
 */
export async function startStorefrontApi(
  env: Env,
  opts: { name: string; rateLimitPrefix: string },
): Promise<StorefrontStores & { url: string }> {
  const stores = await openStorefrontStores({
    databaseUrl: env.DATABASE_URL,
    mongodbUrl: env.MONGODB_URL,
    kafka: kafkaConnection(env),
    redisUrl: env.REDIS_URL,
    name: opts.name,
  });
  const server = await startStorefrontServer({ ...stores, rateLimitPrefix: opts.rateLimitPrefix });
  return {
    ...stores,
    url: server.url,
    async close() {
      server.close();
      await stores.close();
    },
  };
}

/** A fetch-style handler served over node:http on a free loopback port, as the tests serve the API. */
export async function serveFetchHandler(
  handle: (req: Request, ctx: { ip: string }) => Promise<Response>,
  basePath = "",
): Promise<{ url: string; close(): void }> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const r = await handle(
      new Request(`http://localhost${req.url}`, {
        method: req.method ?? "GET",
        headers: req.headers as Record<string, string>,
        ...(body && req.method !== "GET" ? { body } : {}),
      }),
      { ip: "127.0.0.1" },
    );
    res.writeHead(r.status, Object.fromEntries(r.headers));
    res.end(Buffer.from(await r.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${basePath}`,
    close: () => server.close(),
  };
}

/** A storefront API client with a known secret, as an admin creates one in the console. */
export async function createApiClient(
  db: Db,
  c: { clientId: string; secret: string; scopes: string[]; rateLimitPerMinute: number; name?: string },
): Promise<{ secretHash: string }> {
  const secretHash = await hashClientSecret(c.secret);
  await db.apiClient.create({
    data: {
      clientId: c.clientId,
      name: c.name ?? c.clientId,
      secretHash,
      scopes: c.scopes,
      rateLimitPerMinute: c.rateLimitPerMinute,
      createdBy: "test",
    },
  });
  return { secretHash };
}

/** An access token by the client-credentials grant (RFC 6749 §4.4), Basic-authenticated. */
export async function clientCredentialsToken(url: string, clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  if (res.status !== 200) throw new Error(`token for ${clientId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
