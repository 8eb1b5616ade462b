import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { clientAddress, type TrustedProxies } from "@icp/config";
import type { Logger } from "@icp/observability";
import { type StorefrontStores, storefrontApiOnStores, type TokenThrottle } from "@icp/storefront-api";
import {
  STOREFRONT_AUDIENCE,
  STOREFRONT_BASE,
  STOREFRONT_ISSUER,
  STOREFRONT_SIGNING_KEY_SECRET,
} from "../integration/storefront-server";

/**
 * The storefront API behind a node:http server that streams request bodies to it as they
 * arrive (the console's Next.js server does; the integration server buffers them first, which
 * would hide slow bodies and hang-ups) and passes the socket's peer and X-Forwarded-For through
 * `clientAddress` with the given TRUSTED_PROXIES, as the console's route handler does.
 */
export async function startEdgeServer(
  stores: Pick<StorefrontStores, "db" | "rm" | "producer" | "redis">,
  opts: {
    rateLimitPrefix: string;
    trust: TrustedProxies;
    logger: Logger;
    ipLimitPerMinute?: number;
    bodyTimeoutMs?: number;
    tokenThrottle?: Partial<TokenThrottle>;
  },
): Promise<{ url: string; close(): void }> {
  const handle = storefrontApiOnStores(stores, {
    basePath: STOREFRONT_BASE,
    signingKeySecret: STOREFRONT_SIGNING_KEY_SECRET,
    issuer: STOREFRONT_ISSUER,
    audience: STOREFRONT_AUDIENCE,
    rateLimitPrefix: opts.rateLimitPrefix,
    logger: opts.logger,
    ...(opts.ipLimitPerMinute !== undefined ? { ipLimitPerMinute: opts.ipLimitPerMinute } : {}),
    ...(opts.bodyTimeoutMs !== undefined ? { bodyTimeoutMs: opts.bodyTimeoutMs } : {}),
    ...(opts.tokenThrottle ? { tokenThrottle: opts.tokenThrottle } : {}),
  });
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const ip = clientAddress(
      req.headers["x-forwarded-for"] as string | undefined,
      req.socket.remoteAddress,
      opts.trust,
    );
    const r = await handle(
      new Request(`http://localhost${req.url}`, {
        method: req.method ?? "GET",
        headers,
        ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
      } as RequestInit),
      { ip },
    );
    if (res.destroyed) return;
    res.writeHead(r.status, Object.fromEntries(r.headers));
    res.end(Buffer.from(await r.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${STOREFRONT_BASE}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
