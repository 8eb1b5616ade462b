import { metrics, storefrontRoute } from "~/server/metrics";
import { STOREFRONT_BASE_PATH, storefront } from "~/server/storefront";

export const dynamic = "force-dynamic";

async function handler(req: Request): Promise<Response> {
  const started = performance.now();
  const { handle } = await storefront();
  const ip =
    req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? req.headers.get("x-real-ip") ?? "local";
  const res = await handle(req, { ip });
  metrics.observeHttp(
    storefrontRoute(new URL(req.url).pathname, STOREFRONT_BASE_PATH),
    res.status,
    (performance.now() - started) / 1000,
  );
  return res;
}

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
