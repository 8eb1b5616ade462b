import { verifyWebhook, WebhookVerificationError } from "@icp/storefront-sdk";
import { revalidatePath } from "next/cache";
import { log, settings } from "~/lib/shop";

export const dynamic = "force-dynamic";

/** The body the worker signs is small; anything much larger is not a delivery of ours. */
const MAX_BODY = 256 * 1024;

/**
 * The control plane's webhook endpoint (registered by scripts/seed-demo.ts): the signature is
 * verified with the SDK (raw body, timestamp tolerance, either of the rotated secrets), then
 * the static pages the event concerns are regenerated on their next visit — no rebuild.
 */
export async function POST(req: Request) {
  const body = await req.text();
  if (body.length > MAX_BODY) return new Response("payload too large", { status: 413 });
  let event: ReturnType<typeof verifyWebhook>;
  try {
    event = verifyWebhook(req.headers, body, { secrets: settings().webhookSecrets });
  } catch (e) {
    if (!(e instanceof WebhookVerificationError)) throw e;
    log("warn", "webhook refused", {
      "webhook.reason": e.reason,
      "webhook.id": req.headers.get("webhook-id"),
    });
    return Response.json({ error: e.reason }, { status: 401 });
  }
  const paths = new Set<string>();
  switch (event.type) {
    case "product.changed":
      for (const sku of [...event.data.skus, ...(event.data.removed ?? [])])
        paths.add(`/products/${encodeURIComponent(sku)}`);
      paths.add("/");
      break;
    case "stock.changed":
      // the catalogue shows in/out of stock; the product page's number is live anyway
      paths.add(`/products/${encodeURIComponent(event.data.sku)}`);
      paths.add("/");
      break;
    case "order.status_changed":
      // order pages are rendered per request and follow the status live: nothing cached to drop
      break;
  }
  for (const path of paths) revalidatePath(path);
  log("info", "webhook received", {
    "webhook.id": event.id,
    "webhook.type": event.type,
    "storefront.revalidated": [...paths],
  });
  return new Response(null, { status: 204 });
}
