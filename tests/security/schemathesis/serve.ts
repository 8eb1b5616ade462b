import { writeFileSync } from "node:fs";
import { createLogger } from "@icp/observability";
import { startEdgeServer } from "../edge-server";
import { CLIENT_SECRETS, startSecurityStack } from "../support";

/**
 * The storefront API for the Schemathesis stage (run.sh): the security suite's stack (a fresh
 * database, read model and Redis database; seeded catalog, customers and clients), and an
 * access token with every scope. Writes {url, token} to the file named by argv[2] and serves
 * until SIGTERM or SIGINT, then drops what it made.
 */
const out = process.argv[2];
if (!out) throw new Error("usage: serve.ts <out.json>");
const s = await startSecurityStack();
// Served as the console serves it: bodies streamed, the address from TRUSTED_PROXIES (none).
const edge = await startEdgeServer(s, {
  rateLimitPrefix: `fuzz:${s.stack.groupSuffix}:`,
  trust: { hops: 0 },
  logger: createLogger({ service: "schemathesis-target", level: "warn" }),
});
const res = await fetch(`${edge.url}/oauth/token`, {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({
    grant_type: "client_credentials",
    client_id: "shop-a",
    client_secret: CLIENT_SECRETS["shop-a"] ?? "",
  }),
});
if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
const { access_token: token } = (await res.json()) as { access_token: string };
writeFileSync(out, JSON.stringify({ url: edge.url, token }));
let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  edge.close();
  await s.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setInterval(() => {}, 60_000);
