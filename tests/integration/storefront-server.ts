import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@icp/db";
import { createLogger } from "@icp/observability";
import type { ReadModel } from "@icp/read-model";
import { storefrontApiOnStores } from "@icp/storefront-api";
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
export async function startStorefrontServer(deps: {
  db: Db;
  rm: ReadModel;
  producer: Producer;
  redis: Redis;
  rateLimitPrefix: string;
}): Promise<{ url: string; close(): void }> {
  const handle = storefrontApiOnStores(deps, {
    basePath: STOREFRONT_BASE,
    signingKeySecret: STOREFRONT_SIGNING_KEY_SECRET,
    issuer: STOREFRONT_ISSUER,
    audience: STOREFRONT_AUDIENCE,
    rateLimitPrefix: deps.rateLimitPrefix,
    logger: createLogger({ service: "it", level: "silent" }),
  });
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
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${STOREFRONT_BASE}`,
    close: () => server.close(),
  };
}
