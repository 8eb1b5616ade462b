import { clientAddress } from "@icp/config";
import { env } from "~/server/env";
import { metrics, storefrontRoute } from "~/server/metrics";
import { STOREFRONT_BASE_PATH, storefront } from "~/server/storefront";

export const dynamic = "force-dynamic";

async function handler(req: Request): Promise<Response> {
  const started = performance.now();
  const { handle } = await storefront();
  // Only what our own proxies appended to X-Forwarded-For (TRUSTED_PROXIES); a route handler
  // does not see the socket, so without a proxy configured the address is "unknown".
  const ip = clientAddress(req.headers.get("x-forwarded-for"), undefined, env.TRUSTED_PROXIES);
  const res = await handle(req, { ip });
  metrics.observeHttp(
    storefrontRoute(new URL(req.url).pathname, STOREFRONT_BASE_PATH),
    res.status,
    (performance.now() - started) / 1000,
  );
  return res;
}

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
